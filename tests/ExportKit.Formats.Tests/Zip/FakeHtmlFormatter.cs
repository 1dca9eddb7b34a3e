using System.Text;

namespace ExportKit.Formats.Tests.Zip;

/// <summary>Stands in for the HTML formatter: a small deterministic page that names the bundle and its items.</summary>
internal sealed class FakeHtmlFormatter : IExportFormatter
{
    public ExportFormat Format => ExportFormat.Html;

    public List<ExportBundle> Received { get; } = [];

    public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        Received.Add(bundle);
        var page = new StringBuilder($"<!DOCTYPE html>\n<title>{bundle.BundleId} as {bundle.Format.Value}</title>\n");
        foreach (var section in bundle.Sections)
        {
            await foreach (var item in section.Items.WithCancellation(cancellationToken))
            {
                page.Append("<p>").Append(item.ItemId).Append("</p>\n");
            }
        }

        await destination.WriteAsync(Encoding.UTF8.GetBytes(page.ToString()), cancellationToken);
    }
}

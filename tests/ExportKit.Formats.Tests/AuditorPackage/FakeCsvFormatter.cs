using System.Text;

namespace ExportKit.Formats.Tests.AuditorPackage;

/// <summary>
/// A stand-in for the CSV formatter (written on another branch): one row per item (id, type, instant), streamed, so
/// that the package's tests do not depend on the CSV format's details. It can dispose the stream it is given, as a careless formatter would.
/// </summary>
internal sealed class FakeCsvFormatter(bool disposesDestination = false) : IExportFormatter
{
    public ExportFormat Format => ExportFormat.Csv;

    public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(destination, new UTF8Encoding(false), 16 * 1024, leaveOpen: !disposesDestination) { NewLine = "\r\n" };
        await using (writer)
        {
            await writer.WriteLineAsync("sectionId,itemId,itemType,timestamp");
            foreach (var section in bundle.Sections)
            {
                await foreach (var item in section.Items.WithCancellation(cancellationToken))
                {
                    await writer.WriteLineAsync($"{section.SectionId},{item.ItemId},{item.ItemType},{ExportValueText.FormatInstant(item.Timestamp)}");
                }
            }
        }
    }
}

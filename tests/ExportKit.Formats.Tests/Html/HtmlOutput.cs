using System.Text;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Html;

internal static class HtmlOutput
{
    public static readonly string[] Cases = ["CompliancePack", "ExecutiveSummary", "AlertLogs"];

    public static async Task<byte[]> WriteAsync(ExportBundle bundle, HtmlExportOptions? options = null)
    {
        using var stream = new MemoryStream();
        await ExportFormatters.Html(options).WriteAsync(bundle, stream, CancellationToken.None);
        return stream.ToArray();
    }

    public static async Task<string> WriteTextAsync(ExportBundle bundle, HtmlExportOptions? options = null) =>
        Encoding.UTF8.GetString(await WriteAsync(bundle, options));

    /// <summary>The test bundles of the JSON tests, as the engine would hand them to this format.</summary>
    public static ExportBundle Build(string caseName, ExportFormat? format = null) =>
        As(JsonExportFormatterGoldenTests.Build(caseName), format ?? ExportFormat.Html);

    public static ExportBundle As(ExportBundle bundle, ExportFormat format) =>
        bundle.With(it => it.Format, format).With(it => it.Metadata, bundle.Metadata.With(it => it.Format, format));
}

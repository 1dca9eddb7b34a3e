using ExportKit.Assembly;
using ExportKit.Formats;
using ExportKit.Sources;
using ExportKit.Testing;

namespace ExportKit.Tests.Engine;

/// <summary>
/// The HTML report and the Markdown summary show the first items of each section and count the rest, so the engine
/// keeps only those: the bytes are those of a bundle that kept every item.
/// </summary>
public sealed class ReportKeptItemsTests
{
    private static readonly Alert[] Alerts = [.. Enumerable.Range(0, 3000).Select(i => new Alert
    {
        AlertId = $"al-{i:D4}", TenantId = "acme", Severity = (i % 3) switch { 0 => "low", 1 => "high", _ => "critical" }, Category = "c",
        Status = i % 2 == 0 ? "open" : "resolved", CreatedAt = TestClock.Now.AddDays(-1).AddSeconds(i),
    })];

    [Theory]
    [InlineData("html")]
    [InlineData("markdown")]
    public async Task A_report_of_a_long_section_has_the_bytes_of_a_bundle_that_kept_every_item(string format)
    {
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        var options = new HtmlExportOptions { MaxRowsPerSection = 25 };
        var engine = new TestEngine([new InMemoryPhaseDataSource(ExportPhase.Alerts, Alerts)], b => b.AddHtmlFormat(o => o.MaxRowsPerSection = options.MaxRowsPerSection));
        var query = TestEngine.Query(ExportCategory.AlertLogs, exportFormat);

        var (result, bytes) = await engine.ExportAsync(query);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(3000, result.Bundle!.Metadata.TotalItems);
        using var everything = await new ExportBundleAssembler([new InMemoryPhaseDataSource(ExportPhase.Alerts, Alerts)], TestClock.Create())
            .BuildAsync(ExportCategories.Find(ExportCategory.AlertLogs)!, query, query.TimeRange!, result.ExportId);
        using var expected = new MemoryStream();
        var formatter = format == "html" ? ExportFormatters.Html(options) : ExportFormatters.Markdown();
        await formatter.WriteAsync(everything.Bundle, expected, CancellationToken.None);
        Assert.Equal(everything.Bundle.BundleId, result.BundleId);
        Assert.Equal(expected.ToArray(), bytes);
    }
}

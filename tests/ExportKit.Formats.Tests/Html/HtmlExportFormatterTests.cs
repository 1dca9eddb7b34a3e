using System.Text;
using System.Text.RegularExpressions;
using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Html;

public sealed class HtmlExportFormatterTests
{
    [Fact]
    public void Html_returns_a_formatter_for_the_html_format()
    {
        Assert.Equal(ExportFormat.Html, ExportFormatters.Html().Format);
    }

    [Fact]
    public async Task Writes_an_html5_document_in_utf8_without_bom_and_with_line_feeds()
    {
        var bytes = await HtmlOutput.WriteAsync(HtmlOutput.Build("CompliancePack"));

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The output starts with a byte order mark.");
        var html = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", html, StringComparison.Ordinal);
        Assert.Contains("<title>Compliance Pack</title>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', html);
        HtmlMarkup.AssertOnlyTemplateMarkup(html);
    }

    [Fact]
    public async Task Writes_one_table_per_section_with_a_row_per_item_in_order()
    {
        var html = await HtmlOutput.WriteTextAsync(HtmlOutput.Build("CompliancePack"));

        var sections = Regex.Matches(html, "<section class=\"section (?<tone>tone-\\d)\" id=\"section-\\d\">\n<h2>(?<title>[^<]*)</h2>").Select(m => (m.Groups["title"].Value, m.Groups["tone"].Value));
        Assert.Equal([("Audit Findings", "tone-1"), ("Environmental Drift Events", "tone-2"), ("SLA Compliance", "tone-3")], sections);
        Assert.Equal(3, Regex.Count(html, "<thead><tr><th scope=\"col\">Item ID</th><th scope=\"col\">Type</th><th scope=\"col\">Timestamp</th><th scope=\"col\">Details</th></tr></thead>"));
        var ids = Regex.Matches(html, "<td class=\"item-id\">([^<]*)</td>").Select(m => m.Groups[1].Value);
        Assert.Equal(["af-001", "af-002", "drift-001", "drift-002", "al-001", "task-001", "task-002", "al-002"], ids);
        Assert.Contains("<p class=\"source\"><span>Data source:</span> Phase 50: Audit &amp; Governance Engine</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"summary\">2 items. Severity: critical 1, low 1. Status: open 1, resolved 1.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<footer class=\"metadata\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colours_sections_from_a_palette_of_six_that_repeats()
    {
        var sections = Enumerable.Range(1, 7)
            .Select(i => new ExportSection($"s{i}", $"Section {i}", "", "Phase 99: Test", new SectionSummary("0 items.", [], []), 0, TestClock.Now, TestRecords.Stream(Array.Empty<ExportItem>())))
            .ToArray();
        var bundle = HtmlOutput.As(TestBundles.Bundle("bnd_000000000000000000000007", "Seven", "", new ExportCategory("custom"), new ExportScope("acme"), sections), ExportFormat.Html);

        var html = await HtmlOutput.WriteTextAsync(bundle);

        Assert.Equal(
            ["tone-1", "tone-2", "tone-3", "tone-4", "tone-5", "tone-6", "tone-1"],
            Regex.Matches(html, "<section class=\"section (tone-\\d)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(7, Regex.Count(html, "<p class=\"empty\">No items in this section.</p>"));
        Assert.DoesNotContain("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_every_value_type_in_the_details_and_nested_objects_as_nested_lists()
    {
        var item = TestBundles.Item(
            "it-1",
            new("none", null),
            new("text", "x"),
            new("yes", true),
            new("int", int.MinValue),
            new("double", 0.1),
            new("decimal", 1.50m),
            new("at", new DateTimeOffset(2026, 2, 10, 9, 30, 0, TimeSpan.FromHours(5.75))),
            new("nested", new ExportField[] { new("inner", new ExportField[] { new("deep", 1) }), new("after", "z") }));

        var html = await HtmlOutput.WriteTextAsync(HtmlOutput.As(TestBundles.WithItems(item), ExportFormat.Html));

        Assert.Contains(
            "<tr><td class=\"item-id\">it-1</td><td class=\"item-type\">test-item</td><td class=\"timestamp\">2026-02-10T08:00:00.0000000Z</td><td><dl class=\"details\">"
            + "<dt>none</dt><dd class=\"null\">null</dd><dt>text</dt><dd>x</dd><dt>yes</dt><dd>true</dd><dt>int</dt><dd>-2147483648</dd>"
            + "<dt>double</dt><dd>0.1</dd><dt>decimal</dt><dd>1.50</dd><dt>at</dt><dd>2026-02-10T03:45:00.0000000Z</dd>"
            + "<dt>nested</dt><dd><dl class=\"details\"><dt>inner</dt><dd><dl class=\"details\"><dt>deep</dt><dd>1</dd></dl></dd><dt>after</dt><dd>z</dd></dl></dd>"
            + "</dl></td></tr>\n",
            html,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(1, 2)]
    [InlineData(1, 0)]
    public async Task Throws_naming_the_section_when_it_yields_another_number_of_items_than_it_declares(long declared, int yielded)
    {
        var items = Enumerable.Range(1, yielded).Select(i => TestBundles.Item($"it-{i}")).ToArray();
        var bundle = TestBundles.WithItems(TestRecords.Stream(items), declared, sectionId: "drifting-section");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HtmlOutput.WriteAsync(bundle));

        Assert.Contains("'drifting-section'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{declared} items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_the_destination_open()
    {
        using var stream = new MemoryStream();

        await ExportFormatters.Html().WriteAsync(HtmlOutput.Build("AlertLogs"), stream, CancellationToken.None);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public async Task Stops_when_cancelled_before_writing_anything()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var stream = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExportFormatters.Html().WriteAsync(HtmlOutput.Build("CompliancePack"), stream, cancellation.Token));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task Guards_its_arguments()
    {
        var formatter = ExportFormatters.Html();

        await Assert.ThrowsAsync<ArgumentNullException>("bundle", () => formatter.WriteAsync(null!, Stream.Null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => formatter.WriteAsync(HtmlOutput.Build("AlertLogs"), null!, CancellationToken.None));
        using var readOnly = new MemoryStream([], writable: false);
        await Assert.ThrowsAsync<ArgumentException>("destination", () => formatter.WriteAsync(HtmlOutput.Build("AlertLogs"), readOnly, CancellationToken.None));
    }
}

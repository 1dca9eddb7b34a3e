using System.Text.RegularExpressions;
using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Html;

public sealed class HtmlExportFormatterTemplateTests
{
    private const string Minimal =
        "<!DOCTYPE html>\r\n<title>{{ bundle.title | html.escape }}</title>\r\n"
        + "{{ for section in bundle.sections }}<h2>{{ section.number }}. {{ section.title | html.escape }} ({{ section.item_count }})</h2>\r\n"
        + "<table><tbody>\r\n{{ section.rows }}</tbody></table>\r\n{{ end }}";

    [Fact]
    public async Task Renders_a_hosts_template_with_the_rows_where_it_puts_them()
    {
        var html = await HtmlOutput.WriteTextAsync(HtmlOutput.Build("CompliancePack"), new HtmlExportOptions { Template = Minimal });

        Assert.StartsWith("<!DOCTYPE html>\n<title>Compliance Pack</title>\n<h2>1. Audit Findings (2)</h2>\n<table><tbody>\n<tr><td class=\"item-id\">af-001</td>", html, StringComparison.Ordinal);
        Assert.Equal(["1. Audit Findings (2)", "2. Environmental Drift Events (2)", "3. SLA Compliance (4)"], Regex.Matches(html, "<h2>([^<]*)</h2>").Select(m => m.Groups[1].Value));
        Assert.Equal(8, Regex.Count(html, "<tr>"));
        Assert.DoesNotContain('\r', html);
        Assert.DoesNotContain("exportkit-rows", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_the_rows_even_when_the_template_escapes_them()
    {
        var template = "{{ for section in bundle.sections }}<tbody>{{ section.rows | html.escape }}</tbody>{{ end }}";

        var html = await HtmlOutput.WriteTextAsync(HtmlOutput.Build("AlertLogs"), new HtmlExportOptions { Template = template });

        Assert.Equal(2, Regex.Count(html, "<tr>"));
    }

    [Fact]
    public async Task Has_no_loop_limit_for_long_lists()
    {
        var bundle = HtmlOutput.Build("AlertLogs").With(it => it.References, [.. Enumerable.Range(0, 5_000).Select(i => $"ref-{i:D5}")]);
        var template = "{{ for r in bundle.references }}{{ r }};{{ end }}{{ for section in bundle.sections }}{{ section.rows }}{{ end }}";

        var html = await HtmlOutput.WriteTextAsync(bundle, new HtmlExportOptions { Template = template });

        Assert.Contains("ref-04999;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ for section in }}", "line 1, column")]
    [InlineData("<p>ok</p>\n<p>{{ if bundle.title }}</p>", "line 2, column")]
    [InlineData("<p>{{ bundle.title </p>", "line 1, column")]
    public void Refuses_a_template_that_does_not_parse_listing_scribans_messages_with_their_position(string template, string position)
    {
        var error = Assert.Throws<ArgumentException>("options", () => ExportFormatters.Html(new HtmlExportOptions { Template = template }));

        Assert.StartsWith("The HTML template is not valid Scriban:\n", error.Message, StringComparison.Ordinal);
        Assert.Contains(position, error.Message, StringComparison.Ordinal);
        Assert.Contains("HtmlExportOptions.Template null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_on_an_unknown_variable_naming_its_position_and_writes_nothing()
    {
        var formatter = ExportFormatters.Html(new HtmlExportOptions { Template = "<p>\n  {{ bundle.titel }}</p>" });
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => formatter.WriteAsync(HtmlOutput.Build("AlertLogs"), stream, CancellationToken.None));

        Assert.Contains("line 2, column", error.Message, StringComparison.Ordinal);
        Assert.Contains("titel", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task Fails_when_the_template_leaves_out_the_rows_of_a_section_with_items_and_writes_nothing()
    {
        var formatter = ExportFormatters.Html(new HtmlExportOptions { Template = "{{ for section in bundle.sections }}{{ if section.number == 1 }}{{ section.rows }}{{ end }}{{ end }}" });
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => formatter.WriteAsync(HtmlOutput.Build("CompliancePack"), stream, CancellationToken.None));

        Assert.Contains("'drift-events'", error.Message, StringComparison.Ordinal);
        Assert.Contains("{{ section.rows }}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task Fails_when_the_template_writes_the_rows_of_a_section_twice()
    {
        var formatter = ExportFormatters.Html(new HtmlExportOptions { Template = "{{ for section in bundle.sections }}{{ section.rows }}{{ section.rows }}{{ end }}" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => formatter.WriteAsync(HtmlOutput.Build("AlertLogs"), Stream.Null, CancellationToken.None));

        Assert.Contains("'alert-logs'", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice or out of order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allows_a_template_to_leave_out_the_rows_of_an_empty_section()
    {
        var bundle = TestBundles.WithItems(TestRecords.Stream(Array.Empty<ExportItem>()), 0);

        var html = await HtmlOutput.WriteTextAsync(bundle, new HtmlExportOptions { Template = "<p>{{ bundle.sections.size }} section</p>" });

        Assert.Equal("<p>1 section</p>", html);
    }
}

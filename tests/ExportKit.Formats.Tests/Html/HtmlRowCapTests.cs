using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Html;

/// <summary>
/// A large section shows its first <see cref="HtmlExportOptions.MaxRowsPerSection"/> items and one row saying how many
/// more there are and where they are; the page stays small enough for a browser to open.
/// </summary>
public sealed class HtmlRowCapTests
{
    [Fact]
    public async Task A_section_longer_than_the_cap_shows_its_first_rows_then_says_how_many_more_there_are()
    {
        var items = new GeneratedItems(10);
        var html = await HtmlOutput.WriteTextAsync(TestBundles.WithItems(items, 10), new HtmlExportOptions { MaxRowsPerSection = 3 });

        Assert.Contains("gen-0000002", html, StringComparison.Ordinal);
        Assert.DoesNotContain("gen-0000003", html, StringComparison.Ordinal);
        Assert.Contains(
            "<tr class=\"more\"><td colspan=\"4\">7 more items are not shown: this page shows the first 3 items of each section. The JSON and CSV exports of this bundle hold every item.</td></tr>\n</tbody>",
            html,
            StringComparison.Ordinal);
        Assert.Equal(4, items.Read); // stops reading once it knows the section is longer than the cap
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(2, 3)]
    public async Task A_section_within_the_cap_shows_every_row_and_no_note(int count, int cap)
    {
        var html = await HtmlOutput.WriteTextAsync(TestBundles.WithItems(new GeneratedItems(count), count), new HtmlExportOptions { MaxRowsPerSection = cap });

        Assert.DoesNotContain("class=\"more\"", html, StringComparison.Ordinal);
        Assert.Contains($"gen-{count - 1:D7}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void A_cap_outside_one_to_a_million_is_refused_with_the_range(int cap)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ExportFormatters.Html(new HtmlExportOptions { MaxRowsPerSection = cap }));

        Assert.Contains($"HtmlExportOptions.MaxRowsPerSection is {cap}; it must be from 1 to 1,000,000", ex.Message, StringComparison.Ordinal);
    }
}

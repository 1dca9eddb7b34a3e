using ExportKit.Formats.Tests.Html;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Markdown;

public sealed class MarkdownExportFormatterGoldenTests
{
    public static TheoryData<string> Cases => [.. HtmlOutput.Cases];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_bundle_as_its_golden_file(string caseName)
    {
        var bytes = await MarkdownOutput.WriteAsync(MarkdownOutput.Build(caseName));

        GoldenFile.Verify(nameof(MarkdownExportFormatterGoldenTests), caseName, "md", bytes);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_same_bytes_twice(string caseName)
    {
        var first = await MarkdownOutput.WriteAsync(MarkdownOutput.Build(caseName));
        var second = await MarkdownOutput.WriteAsync(MarkdownOutput.Build(caseName));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("tr-TR", "Pacific/Chatham")]
    [InlineData("de-DE", "America/St_Johns")]
    public async Task Writes_the_same_bytes_under_any_culture_and_time_zone(string culture, string timeZone)
    {
        foreach (var caseName in HtmlOutput.Cases)
        {
            var expected = await MarkdownOutput.WriteAsync(MarkdownOutput.Build(caseName));

            var actual = await CultureAndTimeZone.RunAsync(culture, timeZone, () => MarkdownOutput.WriteAsync(MarkdownOutput.Build(caseName)));

            Assert.Equal(expected, actual);
        }
    }
}

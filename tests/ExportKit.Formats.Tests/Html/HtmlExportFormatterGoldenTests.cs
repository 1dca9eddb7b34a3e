using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Html;

public sealed class HtmlExportFormatterGoldenTests
{
    public static TheoryData<string> Cases => [.. HtmlOutput.Cases];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_bundle_as_its_golden_file(string caseName)
    {
        var bytes = await HtmlOutput.WriteAsync(HtmlOutput.Build(caseName));

        GoldenFile.Verify(nameof(HtmlExportFormatterGoldenTests), caseName, "html", bytes);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_same_bytes_twice(string caseName)
    {
        var first = await HtmlOutput.WriteAsync(HtmlOutput.Build(caseName));
        var second = await HtmlOutput.WriteAsync(HtmlOutput.Build(caseName));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("tr-TR", "Pacific/Chatham")]
    [InlineData("de-DE", "America/St_Johns")]
    public async Task Writes_the_same_bytes_under_any_culture_and_time_zone(string culture, string timeZone)
    {
        foreach (var caseName in HtmlOutput.Cases)
        {
            var expected = await HtmlOutput.WriteAsync(HtmlOutput.Build(caseName));

            var actual = await CultureAndTimeZone.RunAsync(culture, timeZone, () => HtmlOutput.WriteAsync(HtmlOutput.Build(caseName)));

            Assert.Equal(expected, actual);
        }
    }
}

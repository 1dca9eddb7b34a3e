using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Csv;

public sealed class CsvExportFormatterGoldenTests
{
    public static TheoryData<string> Cases => ["CompliancePack", "ExecutiveSummary", "AlertLogs"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_bundle_as_its_golden_file(string caseName)
    {
        var bytes = await CsvOutput.WriteAsync(Build(caseName));

        GoldenFile.Verify(nameof(CsvExportFormatterGoldenTests), caseName, "csv", bytes);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_same_bytes_twice(string caseName)
    {
        var first = await CsvOutput.WriteAsync(Build(caseName));
        var second = await CsvOutput.WriteAsync(Build(caseName));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("tr-TR", "Pacific/Chatham")]
    [InlineData("de-DE", "America/St_Johns")]
    public async Task Writes_the_same_bytes_under_any_culture_and_time_zone(string culture, string timeZone)
    {
        foreach (var caseName in Cases)
        {
            var expected = await CsvOutput.WriteAsync(Build(caseName));

            var actual = await CultureAndTimeZone.RunAsync(culture, timeZone, () => CsvOutput.WriteAsync(Build(caseName)));

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Starts_with_the_six_columns_and_ends_every_row_with_crlf()
    {
        var text = await CsvOutput.WriteTextAsync(Build("CompliancePack"));

        Assert.StartsWith("Section,Item ID,Item Type,Timestamp,Data Source,Details\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Equal(1 + 8, text.Split("\r\n").Length - 1);
    }

    internal static ExportBundle Build(string caseName) => CsvOutput.AsCsv(JsonExportFormatterGoldenTests.Build(caseName));
}

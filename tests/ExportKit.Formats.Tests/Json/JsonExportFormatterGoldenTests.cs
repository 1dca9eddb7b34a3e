using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Json;

public sealed class JsonExportFormatterGoldenTests
{
    public static TheoryData<string> Cases => ["CompliancePack", "ExecutiveSummary", "AlertLogs"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_bundle_as_its_golden_file(string caseName)
    {
        var bytes = await JsonOutput.WriteAsync(Build(caseName));

        GoldenFile.Verify(nameof(JsonExportFormatterGoldenTests), caseName, "json", bytes);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_same_bytes_twice(string caseName)
    {
        var first = await JsonOutput.WriteAsync(Build(caseName));
        var second = await JsonOutput.WriteAsync(Build(caseName));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("tr-TR", "Pacific/Chatham")]
    [InlineData("de-DE", "America/St_Johns")]
    [InlineData("ar-SA", "Asia/Kathmandu")]
    public async Task Writes_the_same_bytes_under_any_culture_and_time_zone(string culture, string timeZone)
    {
        foreach (var caseName in Cases)
        {
            var expected = await JsonOutput.WriteAsync(Build(caseName));

            var actual = await CultureAndTimeZone.RunAsync(culture, timeZone, () => JsonOutput.WriteAsync(Build(caseName)));

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Uses_line_feeds_and_two_space_indents()
    {
        var text = System.Text.Encoding.UTF8.GetString(await JsonOutput.WriteAsync(TestBundles.AlertLogs()));

        Assert.DoesNotContain('\r', text);
        Assert.StartsWith("{\n  \"bundleId\": \"bnd_a1e7a1e7a1e7a1e7a1e7a1e7\",\n  \"exportId\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\t', text);
    }

    internal static ExportBundle Build(string caseName) => caseName switch
    {
        "CompliancePack" => TestBundles.CompliancePack(),
        "ExecutiveSummary" => TestBundles.ExecutiveSummary(),
        "AlertLogs" => TestBundles.AlertLogs(),
        _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "Unknown case."),
    };
}

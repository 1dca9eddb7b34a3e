using System.IO.Compression;
using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Zip;

public sealed class ZipExportFormatterGoldenTests
{
    // Stored entries only: Deflate output may change between .NET runtimes, stored bytes do not.
    [Fact]
    public async Task Writes_an_uncompressed_archive_as_its_golden_file()
    {
        var bytes = await ZipOutput.WriteAsync(CompliancePack(), CompressionLevel.NoCompression);

        GoldenFile.Verify(nameof(ZipExportFormatterGoldenTests), "CompliancePack", "zip", bytes);
    }

    [Fact]
    public async Task Writes_the_readme_as_its_golden_file()
    {
        var entries = ZipOutput.Entries(await ZipOutput.WriteAsync(CompliancePack()));

        GoldenFile.Verify(nameof(ZipExportFormatterGoldenTests), "CompliancePackReadme", "txt", entries.Single(e => e.Name == "README.txt").Content);
    }

    [Theory]
    [InlineData(CompressionLevel.Optimal)]
    [InlineData(CompressionLevel.Fastest)]
    [InlineData(CompressionLevel.SmallestSize)]
    [InlineData(CompressionLevel.NoCompression)]
    public async Task Writes_the_same_bytes_twice(CompressionLevel level)
    {
        var first = await ZipOutput.WriteAsync(CompliancePack(), level);
        var second = await ZipOutput.WriteAsync(CompliancePack(), level);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("tr-TR", "Pacific/Chatham")]
    [InlineData("de-DE", "America/St_Johns")]
    public async Task Writes_the_same_bytes_under_any_culture_and_time_zone(string culture, string timeZone)
    {
        var expected = await ZipOutput.WriteAsync(CompliancePack(), CompressionLevel.Optimal);

        var actual = await CultureAndTimeZone.RunAsync(culture, timeZone, () => ZipOutput.WriteAsync(CompliancePack(), CompressionLevel.Optimal));

        Assert.Equal(expected, actual);
    }

    internal static ExportBundle CompliancePack() => ZipOutput.AsZip(TestBundles.CompliancePack());
}

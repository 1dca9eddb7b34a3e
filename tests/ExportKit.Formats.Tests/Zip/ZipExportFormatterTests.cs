using System.IO.Compression;
using System.Text;
using ExportKit.Formats.Tests.Json;
using ExportKit.Formats.Zip;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Zip;

public sealed class ZipExportFormatterTests
{
    private const string Id = "bnd_0c0ffee0c0ffee0c0ffee000";

    [Fact]
    public void Zip_returns_a_formatter_for_the_zip_format()
    {
        Assert.Equal(ExportFormat.Zip, ExportFormatters.Zip().Format);
    }

    [Fact]
    public void Options_default_to_optimal_compression()
    {
        Assert.Equal(CompressionLevel.Optimal, new ZipExportOptions().CompressionLevel);
    }

    [Fact]
    public void Refuses_a_compression_level_that_is_not_defined()
    {
        var options = new ZipExportOptions { CompressionLevel = (CompressionLevel)42 };

        var error = Assert.Throws<ArgumentOutOfRangeException>("options", () => ExportFormatters.Zip(options));

        Assert.Contains("ZipExportOptions.CompressionLevel is 42", error.Message, StringComparison.Ordinal);
        Assert.Contains("NoCompression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_the_readme_and_three_renderings_in_ordinal_order()
    {
        var entries = ZipOutput.Entries(await ZipOutput.WriteAsync(ZipExportFormatterGoldenTests.CompliancePack()));

        // Ordinal order puts the upper-case README.txt before the lower-case bundle id.
        Assert.Equal(["README.txt", $"{Id}.csv", $"{Id}.html", $"{Id}.json"], entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression)]
    [InlineData(CompressionLevel.Optimal)]
    public async Task Each_rendering_is_what_its_formatter_writes_on_its_own_in_its_format(CompressionLevel level)
    {
        var bundle = ZipExportFormatterGoldenTests.CompliancePack();

        var entries = ZipOutput.Entries(await ZipOutput.WriteAsync(bundle, level)).ToDictionary(e => e.Name, e => e.Content);

        Assert.Equal(await Alone(ExportFormatters.Json(), bundle, ExportFormat.Json), entries[$"{Id}.json"]);
        Assert.Equal(await Alone(ExportFormatters.Csv(), bundle, ExportFormat.Csv), entries[$"{Id}.csv"]);
        Assert.Equal(await Alone(new FakeHtmlFormatter(), bundle, ExportFormat.Html), entries[$"{Id}.html"]);
        var json = Encoding.UTF8.GetString(entries[$"{Id}.json"]);
        Assert.Contains("\"format\": \"json\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"format\": \"zip\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inner_formatters_get_the_bundle_in_their_own_format()
    {
        var html = new FakeHtmlFormatter();
        var bundle = ZipExportFormatterGoldenTests.CompliancePack();

        await ZipOutput.WriteAsync(ZipOutput.Formatter(CompressionLevel.Fastest, html), bundle);

        var received = Assert.Single(html.Received);
        Assert.Equal(ExportFormat.Html, received.Format);
        Assert.Equal(ExportFormat.Html, received.Metadata.Format);
        Assert.Equal(bundle.BundleId, received.BundleId);
        Assert.Same(bundle.Sections, received.Sections);
    }

    [Fact]
    public async Task The_public_factory_packs_the_built_in_json_and_csv()
    {
        var bundle = ZipExportFormatterGoldenTests.CompliancePack();

        var entries = ZipOutput.Entries(await ZipOutput.WriteAsync(ExportFormatters.Zip(), bundle)).ToDictionary(e => e.Name, e => e.Content);

        Assert.Equal(await Alone(ExportFormatters.Json(), bundle, ExportFormat.Json), entries[$"{Id}.json"]);
        Assert.Equal(await Alone(ExportFormatters.Csv(), bundle, ExportFormat.Csv), entries[$"{Id}.csv"]);
        Assert.Equal("README.txt", entries.Keys.Order(StringComparer.Ordinal).First());
    }

    [Fact]
    public async Task Names_entries_after_the_bundle_id_only()
    {
        var hostile = "../../etc/passwd\\C:/x\n";
        var bundle = ZipOutput.AsZip(TestBundles.Bundle(
            "bnd_123", hostile, hostile, ExportCategory.AlertLogs, new ExportScope("acme"),
            new ExportSection("alert-logs", hostile, hostile, hostile, new SectionSummary("0 items.", [], []), 0, TestClock.Now, TestRecords.Stream(Array.Empty<ExportItem>()))));

        var entries = ZipOutput.Entries(await ZipOutput.WriteAsync(bundle));

        Assert.Equal(["README.txt", "bnd_123.csv", "bnd_123.html", "bnd_123.json"], entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("C:x")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("bnd\n1")]
    public async Task Refuses_a_bundle_id_that_cannot_name_a_file_before_writing_anything(string bundleId)
    {
        var bundle = ZipExportFormatterGoldenTests.CompliancePack().With(it => it.BundleId, bundleId);
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<ArgumentException>("bundle", () => ZipOutput.Formatter(CompressionLevel.NoCompression).WriteAsync(bundle, stream, CancellationToken.None));

        Assert.Contains("cannot name a ZIP entry", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task Writes_the_readme_as_plain_lines_that_data_cannot_add_to()
    {
        var bundle = ZipExportFormatterGoldenTests.CompliancePack().With(it => it.Title, "Pack\nFiles: evil.exe\r\nx");

        var readme = Encoding.UTF8.GetString(ZipOutput.Entries(await ZipOutput.WriteAsync(bundle)).Single(e => e.Name == "README.txt").Content);

        Assert.DoesNotContain('\r', readme);
        Assert.EndsWith("\n", readme, StringComparison.Ordinal);
        Assert.StartsWith("Pack Files: evil.exe  x\n", readme, StringComparison.Ordinal);
        var files = Assert.Single(readme.Split('\n'), line => line.StartsWith("Files: ", StringComparison.Ordinal));
        Assert.Equal($"Files: README.txt, {Id}.csv, {Id}.html, {Id}.json", files);
        Assert.Contains("- Audit Findings (audit-findings): 2 items from Phase 50: Audit & Governance Engine\n", readme, StringComparison.Ordinal);
        Assert.Contains("\nTotal items: 8\n", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forward_only_destination_gets_the_same_bytes()
    {
        var expected = await ZipOutput.WriteAsync(ZipExportFormatterGoldenTests.CompliancePack(), CompressionLevel.Optimal);
        using var inner = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(inner);

        await ZipOutput.Formatter(CompressionLevel.Optimal).WriteAsync(ZipExportFormatterGoldenTests.CompliancePack(), forwardOnly, CancellationToken.None);

        Assert.Equal(expected, inner.ToArray());
    }

    [UnzipFact]
    public async Task Passes_unzips_integrity_test()
    {
        var path = Path.Combine(Path.GetTempPath(), $"exportkit-test-{Guid.NewGuid():N}.zip");
        try
        {
            await File.WriteAllBytesAsync(path, await ZipOutput.WriteAsync(ZipExportFormatterGoldenTests.CompliancePack(), CompressionLevel.Optimal));

            var (exitCode, output) = await Unzip.RunAsync("-t", path);

            Assert.True(exitCode == 0, $"unzip -t exited with {exitCode}:\n{output}");
            Assert.Contains("No errors detected", output, StringComparison.Ordinal);
            Assert.Contains($"testing: {Id}.json", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_two_parts_with_the_same_extension()
    {
        var error = Assert.Throws<ArgumentException>("parts", () => new ZipExportFormatter([(".json", ExportFormatters.Json()), (".JSON", ExportFormatters.Json())], CompressionLevel.Optimal));

        Assert.Contains("same extension", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExportFormatters.Zip().WriteAsync(ZipExportFormatterGoldenTests.CompliancePack(), new MemoryStream(), cancellation.Token));
    }

    [Fact]
    public async Task Guards_its_arguments()
    {
        var formatter = ExportFormatters.Zip();

        await Assert.ThrowsAsync<ArgumentNullException>("bundle", () => formatter.WriteAsync(null!, Stream.Null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => formatter.WriteAsync(TestBundles.AlertLogs(), null!, CancellationToken.None));
        using var readOnly = new MemoryStream([], writable: false);
        await Assert.ThrowsAsync<ArgumentException>("destination", () => formatter.WriteAsync(TestBundles.AlertLogs(), readOnly, CancellationToken.None));
    }

    private static async Task<byte[]> Alone(IExportFormatter formatter, ExportBundle bundle, ExportFormat format)
    {
        using var stream = new MemoryStream();
        // A JSON, CSV or HTML file on its own is not compressed, and its metadata says so.
        var metadata = bundle.Metadata.With(it => it.Format, format).With(it => it.Compressed, false);
        await formatter.WriteAsync(bundle.With(it => it.Format, format).With(it => it.Metadata, metadata), stream, CancellationToken.None);
        return stream.ToArray();
    }
}

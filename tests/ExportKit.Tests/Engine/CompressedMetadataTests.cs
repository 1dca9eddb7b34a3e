using System.IO.Compression;
using System.Text;
using ExportKit.Formats;

namespace ExportKit.Tests.Engine;

/// <summary>
/// Issue "ExportKit 0.2", seed fidelity: <c>metadata.compressed</c> said <c>true</c> for a stored ZIP. It is true only
/// when the export's entries are compressed, in the result and in the auditor package's export-info.json.
/// </summary>
public sealed class CompressedMetadataTests
{
    [Theory]
    [InlineData(CompressionLevel.NoCompression, false)]
    [InlineData(CompressionLevel.Optimal, true)]
    public async Task A_zip_says_it_is_compressed_only_when_its_entries_are(CompressionLevel level, bool compressed)
    {
        var engine = new TestEngine(configure: b => b.AddZipFormat(o => o.CompressionLevel = level));

        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Zip));

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(compressed, result.Bundle.Metadata.Compressed);
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression, false)]
    [InlineData(CompressionLevel.Fastest, true)]
    public async Task An_auditor_package_says_so_in_its_export_info(CompressionLevel level, bool compressed)
    {
        var engine = new TestEngine(configure: b => b.AddAuditorPackageFormat(o => o.CompressionLevel = level));

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.AuditorPackage));

        Assert.Equal(compressed, result.Bundle!.Metadata.Compressed);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var info = zip.Entries.Single(e => e.FullName.EndsWith("data/metadata/export-info.json", StringComparison.Ordinal));
        using var reader = new StreamReader(info.Open(), Encoding.UTF8);
        Assert.Contains($"\"compressed\": {(compressed ? "true" : "false")}", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_formats_are_never_compressed()
    {
        var (result, _) = await new TestEngine().ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Csv));

        Assert.False(result.Bundle!.Metadata.Compressed);
    }
}

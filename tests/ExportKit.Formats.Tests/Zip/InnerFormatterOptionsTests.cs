using System.IO.Compression;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Zip;

/// <summary>The bundle formats can be given the host's own inner formatters (a CSV with a byte-order mark, say).</summary>
public sealed class InnerFormatterOptionsTests
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task The_zip_uses_the_csv_formatter_its_options_name()
    {
        var csv = ExportFormatters.Csv(new CsvExportOptions { IncludeByteOrderMark = true });
        var bundle = TestBundles.WithItems(ExportKit.Testing.TestRecords.All().Take(3).Select(ExportKit.Testing.TestRecords.ToItem).ToArray()).With(it => it.Format, ExportFormat.Zip);
        using var output = new MemoryStream();

        await ExportFormatters.Zip(new ZipExportOptions { Csv = csv }).WriteAsync(bundle, output, CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal));
        using var content = new MemoryStream();
        await using (var stream = entry.Open())
        {
            await stream.CopyToAsync(content);
        }

        Assert.Equal(ByteOrderMark, content.ToArray()[..3]);
    }

    [Fact]
    public async Task The_auditor_package_uses_the_csv_formatter_its_options_name()
    {
        var csv = ExportFormatters.Csv(new CsvExportOptions { IncludeByteOrderMark = true });
        var bundle = TestBundles.WithItems(ExportKit.Testing.TestRecords.All().Take(3).Select(ExportKit.Testing.TestRecords.ToItem).ToArray()).With(it => it.Format, ExportFormat.AuditorPackage);
        using var output = new MemoryStream();

        await ExportFormatters.AuditorPackage(new AuditorPackageOptions { Csv = csv }).WriteAsync(bundle, output, CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        var entry = zip.Entries.First(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal) && e.FullName.Contains("/data/", StringComparison.Ordinal));
        using var content = new MemoryStream();
        await using (var stream = entry.Open())
        {
            await stream.CopyToAsync(content);
        }

        Assert.Equal(ByteOrderMark, content.ToArray()[..3]);
        Assert.True((await ExportKit.Formats.BagIt.BagItVerifier.VerifyZipAsync(new MemoryStream(output.ToArray()))).IsValid);
    }

    [Fact]
    public void A_formatter_of_the_wrong_format_is_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => ExportFormatters.Zip(new ZipExportOptions { Html = ExportFormatters.Markdown() }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("ZipExportOptions.Html writes 'markdown', not 'html'", error.Message, StringComparison.Ordinal);
    }
}

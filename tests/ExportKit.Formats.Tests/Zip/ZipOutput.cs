using System.IO.Compression;
using ExportKit.Formats.Zip;

namespace ExportKit.Formats.Tests.Zip;

/// <summary>Writes bundles as ZIPs through the internal formatter (JSON, CSV and a fake HTML) and reads them back.</summary>
internal static class ZipOutput
{
    public static ExportBundle AsZip(ExportBundle bundle) =>
        bundle.With(it => it.Format, ExportFormat.Zip).With(it => it.Metadata, bundle.Metadata.With(it => it.Format, ExportFormat.Zip).With(it => it.Compressed, true));

    public static ZipExportFormatter Formatter(CompressionLevel level, IExportFormatter? html = null) =>
        new([(".json", ExportFormatters.Json()), (".csv", ExportFormatters.Csv()), (".html", html ?? new FakeHtmlFormatter())], level);

    public static async Task<byte[]> WriteAsync(IExportFormatter formatter, ExportBundle bundle)
    {
        using var stream = new MemoryStream();
        await formatter.WriteAsync(bundle, stream, CancellationToken.None);
        return stream.ToArray();
    }

    public static Task<byte[]> WriteAsync(ExportBundle bundle, CompressionLevel level = CompressionLevel.NoCompression) =>
        WriteAsync(Formatter(level), bundle);

    /// <summary>The entries of an archive, in the order of its central directory, with their contents.</summary>
    public static List<(string Name, byte[] Content)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e => (e.FullName, Read(e)))];
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}

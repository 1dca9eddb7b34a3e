using System.IO.Compression;
using System.Text;
using ExportKit.Formats.AuditorPackage;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.AuditorPackage;

/// <summary>Writes auditor packages with the real JSON formatter and <see cref="FakeCsvFormatter"/>, and reads them back.</summary>
internal static class AuditorPackages
{
    public static IExportFormatter Formatter(AuditorPackageOptions? options = null) =>
        new AuditorPackageFormatter(ExportFormatters.Json(), new FakeCsvFormatter(), options ?? new AuditorPackageOptions());

    /// <summary>A test bundle as the engine hands it to this formatter: format auditor-package, compressed.</summary>
    public static ExportBundle Bundle(string caseName) => AsPackage(JsonExportFormatterGoldenTests.Build(caseName));

    public static ExportBundle AsPackage(ExportBundle bundle) => bundle.With(it => it.Format, ExportFormat.AuditorPackage).With(it => it.Metadata, bundle.Metadata.With(it => it.Format, ExportFormat.AuditorPackage).With(it => it.Compressed, true));

    public static async Task<byte[]> WriteAsync(ExportBundle bundle, AuditorPackageOptions? options = null)
    {
        using var stream = new MemoryStream();
        await Formatter(options).WriteAsync(bundle, stream, CancellationToken.None);
        return stream.ToArray();
    }

    public static ZipArchive Open(byte[] zip) => new(new MemoryStream(zip), ZipArchiveMode.Read);

    public static string[] EntryNames(byte[] zip)
    {
        using var archive = Open(zip);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    public static string ReadText(byte[] zip, string name)
    {
        using var archive = Open(zip);
        var entry = archive.GetEntry(name) ?? throw new InvalidOperationException($"The package has no entry '{name}'.");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Returns a copy of the archive changed by <paramref name="change"/>.</summary>
    public static byte[] Tamper(byte[] zip, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(archive);
        }

        return stream.ToArray();
    }

    public static void Replace(ZipArchive archive, string name, string text) => Replace(archive, name, Encoding.UTF8.GetBytes(text));

    public static void Replace(ZipArchive archive, string name, byte[] content)
    {
        archive.GetEntry(name)?.Delete();
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(content);
    }

    public static byte[] ReadBytes(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using System.Globalization;
using System.IO.Compression;
using ExportKit.Formats.BagIt;
using ExportKit.Formats.Text;
using ExportKit.Formats.Zip;

namespace ExportKit.Formats.AuditorPackage;

/// <summary>
/// Writes the auditor package: a ZIP holding one BagIt 1.0 bag, <c>{bundleId}-{category}/</c>, whose payload is each
/// section as JSON and CSV, the export's metadata, a README and an index page.
/// </summary>
/// <remarks>
/// <para>
/// ZIP entries must come in ordinal order, and in a bag that puts <c>bag-info.txt</c> and <c>bagit.txt</c> before
/// <c>data/</c> (then <c>manifest-sha256.txt</c>, then <c>tagmanifest-sha256.txt</c>). <c>bag-info.txt</c> holds
/// <c>Payload-Oxum</c>, the payload's total size, which is known only once the payload is written. The payload is
/// therefore written first: its files are made concurrently (one per core), each streaming once through a stream that
/// takes its SHA-256, size and CRC-32 and deflates it into a buffer of its own (memory up to 4 MiB, then a private
/// temporary file); then the small tag files are made from those numbers and the archive is written in order, each
/// entry's compressed bytes copied behind a header that already knows its sizes.
/// </para>
/// <para>
/// The alternatives were worse: a counting first pass would read every data source twice (and a source that changed in
/// between would give a bag that does not verify); RFC 8493 fixes the tag files' names, so no naming trick puts them
/// after <c>data/</c>; and buffering the tag files does not help, since they must be written before the payload. The
/// staging file costs one extra disk write and read of the uncompressed payload, never memory.
/// </para>
/// </remarks>
internal sealed class AuditorPackageFormatter : IExportFormatter
{
    private readonly IExportFormatter json;
    private readonly IExportFormatter csv;
    private readonly string sourceOrganization;
    private readonly CompressionLevel compressionLevel;
    private readonly string? temporaryDirectory;

    public AuditorPackageFormatter(IExportFormatter json, IExportFormatter csv, AuditorPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(csv);
        AuditorPackageOptionsValidation.ThrowIfInvalid(options);
        RequireFormat(json, ExportFormat.Json, nameof(json));
        RequireFormat(csv, ExportFormat.Csv, nameof(csv));
        this.json = json;
        this.csv = csv;
        sourceOrganization = options.SourceOrganization;
        compressionLevel = options.CompressionLevel;
        temporaryDirectory = options.TemporaryDirectory;
    }

    public ExportFormat Format => ExportFormat.AuditorPackage;

    public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to: pass a writable stream.", nameof(destination));
        }

        var layout = PackageLayout.For(bundle);
        var root = layout.Root + "/";
        // The payload files are written and compressed concurrently (each section's JSON and CSV from its own replay
        // of the bundle's items), their SHA-256 and sizes taken as they are written: nothing is staged uncompressed
        // and read back. The tag files, which list those checksums, follow; then the archive is written in order.
        var payload = await PrecompressedEntry.CreateAllAsync(PayloadWriters(bundle, layout, root), compressionLevel, temporaryDirectory, withSha256: true, passFlushes: false, cancellationToken).ConfigureAwait(false);
        var entries = new List<PrecompressedEntry>(payload.Length + 4);
        try
        {
            var bagInfo = BagTagFiles.Utf8(BagTagFiles.BagInfo(BagInfoFields(bundle, payload)));
            var declaration = BagTagFiles.Utf8(BagTagFiles.Declaration);
            var manifest = BagTagFiles.Utf8(BagTagFiles.Manifest(payload.Select(f => (f.Name[root.Length..], f.Sha256!))));
            var tagManifest = BagTagFiles.Utf8(BagTagFiles.Manifest([
                (BagTagFiles.BagInfoName, Sha256(bagInfo)), (BagTagFiles.DeclarationName, Sha256(declaration)), (BagTagFiles.ManifestName, Sha256(manifest))]));
            entries.Add(await TagFileAsync(root + BagTagFiles.BagInfoName, bagInfo, cancellationToken).ConfigureAwait(false));
            entries.Add(await TagFileAsync(root + BagTagFiles.DeclarationName, declaration, cancellationToken).ConfigureAwait(false));
            entries.AddRange(payload);
            entries.Add(await TagFileAsync(root + BagTagFiles.ManifestName, manifest, cancellationToken).ConfigureAwait(false));
            entries.Add(await TagFileAsync(root + BagTagFiles.TagManifestName, tagManifest, cancellationToken).ConfigureAwait(false));
            await SequentialZipWriter.WriteAsync(destination, entries, compressionLevel, temporaryDirectory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var entry in entries.Union(payload))
            {
                entry.Dispose();
            }
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // The payload files in ordinal order of their paths, as the manifest lists them and the archive holds them.
    private (string Name, Func<Stream, CancellationToken, Task> Write)[] PayloadWriters(ExportBundle bundle, PackageLayout layout, string root)
    {
        var writers = new List<(string Path, Func<Stream, CancellationToken, Task> Write)>();
        foreach (var files in layout.Sections)
        {
            var jsonBundle = SectionBundles.For(bundle, files.Section, ExportFormat.Json);
            var csvBundle = SectionBundles.For(bundle, files.Section, ExportFormat.Csv);
            writers.Add((files.JsonPath, (s, ct) => json.WriteAsync(jsonBundle, s, ct)));
            writers.Add((files.CsvPath, (s, ct) => csv.WriteAsync(csvBundle, s, ct)));
        }

        var withCompression = WithCompression(bundle);
        writers.Add((PackageLayout.ExportInfoPath, (s, ct) => ExportInfoWriter.WriteAsync(withCompression, layout, s, ct)));
        var readme = PackageReadme.Create(bundle, layout);
        var readmeBytes = BagTagFiles.Utf8(readme);
        var index = BagTagFiles.Utf8(PackageIndexPage.Render(bundle, layout, readme));
        writers.Add((PackageLayout.ReadmePath, Bytes(readmeBytes)));
        writers.Add((PackageLayout.IndexPath, Bytes(index)));
        return [.. writers.OrderBy(w => w.Path, StringComparer.Ordinal).Select(w => (root + "data/" + w.Path, w.Write))];
    }

    private Task<PrecompressedEntry> TagFileAsync(string name, byte[] content, CancellationToken cancellationToken) =>
        PrecompressedEntry.CreateAsync(name, compressionLevel, temporaryDirectory, withSha256: false, passFlushes: true, Bytes(content), cancellationToken);

    // One line per tag: values from data go through LineText, so a NEL or U+2028 in a title cannot start a line a
    // reader would take as another tag.
    private IEnumerable<KeyValuePair<string, string>> BagInfoFields(ExportBundle bundle, PrecompressedEntry[] payload) =>
    [
        new("Source-Organization", LineText.OneLine(sourceOrganization)),
        new("Bagging-Date", bundle.Metadata.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("External-Identifier", LineText.OneLine(bundle.BundleId)),
        new("External-Description", LineText.OneLine(bundle.Title)),
        new("Payload-Oxum", string.Create(CultureInfo.InvariantCulture, $"{payload.Sum(f => f.Length)}.{payload.Length}")),
    ];

    // The package's metadata says whether its entries are compressed: the formatter knows, whatever the bundle was told.
    private ExportBundle WithCompression(ExportBundle bundle)
    {
        var metadata = bundle.Metadata;
        var compressed = compressionLevel != CompressionLevel.NoCompression;
        return metadata.Compressed == compressed
            ? bundle
            : BundleCopies.With(bundle, bundle.Format, bundle.Sections, BundleCopies.With(metadata, metadata.Format, metadata.TotalSections, metadata.TotalItems, metadata.DataSourcesUsed, compressed));
    }

    private static Func<Stream, CancellationToken, Task> Bytes(byte[] content) => (s, ct) => s.WriteAsync(content, ct).AsTask();

    private static string Sha256(byte[] content) => ChecksumAlgorithms.ToHex(System.Security.Cryptography.SHA256.HashData(content));

    private static void RequireFormat(IExportFormatter formatter, ExportFormat expected, string parameterName)
    {
        if (!formatter.Format.Equals(expected))
        {
            throw new ArgumentException($"The auditor package needs a {expected.Value} formatter here, but was given one for '{formatter.Format.Value}'.", parameterName);
        }
    }
}

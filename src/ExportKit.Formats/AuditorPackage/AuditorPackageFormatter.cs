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
/// therefore staged first: each file streams once through a hashing pass-through stream into a private temporary file, which
/// gives its SHA-256 and size; then the archive is written in order, copying each file from the staging file into its
/// entry, with the small tag files made from those numbers.
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
        var staging = PayloadStaging.Create(temporaryDirectory);
        await using (staging.ConfigureAwait(false))
        {
            await StagePayloadAsync(bundle, layout, staging, cancellationToken).ConfigureAwait(false);
            var payload = staging.Files;
            var root = layout.Root + "/";
            var bagInfo = BagTagFiles.Utf8(BagTagFiles.BagInfo(BagInfoFields(bundle, payload)));
            var declaration = BagTagFiles.Utf8(BagTagFiles.Declaration);
            var manifest = BagTagFiles.Utf8(BagTagFiles.Manifest(payload.Select(f => ("data/" + f.Path, f.Sha256))));
            var tagManifest = BagTagFiles.Utf8(BagTagFiles.Manifest([
                (BagTagFiles.BagInfoName, Sha256(bagInfo)), (BagTagFiles.DeclarationName, Sha256(declaration)), (BagTagFiles.ManifestName, Sha256(manifest))]));
            await DeterministicZipArchive.WriteAsync(destination, compressionLevel, temporaryDirectory, async (zip, ct) =>
            {
                await zip.AddAsync(root + BagTagFiles.BagInfoName, Bytes(bagInfo), ct).ConfigureAwait(false);
                await zip.AddAsync(root + BagTagFiles.DeclarationName, Bytes(declaration), ct).ConfigureAwait(false);
                foreach (var file in payload)
                {
                    await zip.AddAsync(root + "data/" + file.Path, (entry, c) => staging.CopyToAsync(file, entry, c), ct).ConfigureAwait(false);
                }

                await zip.AddAsync(root + BagTagFiles.ManifestName, Bytes(manifest), ct).ConfigureAwait(false);
                await zip.AddAsync(root + BagTagFiles.TagManifestName, Bytes(tagManifest), ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StagePayloadAsync(ExportBundle bundle, PackageLayout layout, PayloadStaging staging, CancellationToken cancellationToken)
    {
        foreach (var files in layout.Sections)
        {
            var section = files.Section;
            await staging.AddAsync(files.JsonPath, (s, ct) => json.WriteAsync(SectionBundles.For(bundle, section, ExportFormat.Json), s, ct), cancellationToken).ConfigureAwait(false);
            await staging.AddAsync(files.CsvPath, (s, ct) => csv.WriteAsync(SectionBundles.For(bundle, section, ExportFormat.Csv), s, ct), cancellationToken).ConfigureAwait(false);
        }

        await staging.AddAsync(PackageLayout.ExportInfoPath, (s, ct) => ExportInfoWriter.WriteAsync(WithCompression(bundle), layout, s, ct), cancellationToken).ConfigureAwait(false);
        var readme = PackageReadme.Create(bundle, layout);
        await staging.AddAsync(PackageLayout.ReadmePath, BagTagFiles.Utf8(readme), cancellationToken).ConfigureAwait(false);
        await staging.AddAsync(PackageLayout.IndexPath, BagTagFiles.Utf8(PackageIndexPage.Render(bundle, layout, readme)), cancellationToken).ConfigureAwait(false);
    }

    // One line per tag: values from data go through LineText, so a NEL or U+2028 in a title cannot start a line a
    // reader would take as another tag.
    private IEnumerable<KeyValuePair<string, string>> BagInfoFields(ExportBundle bundle, IReadOnlyList<StagedFile> payload) =>
    [
        new("Source-Organization", LineText.OneLine(sourceOrganization)),
        new("Bagging-Date", bundle.Metadata.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("External-Identifier", LineText.OneLine(bundle.BundleId)),
        new("External-Description", LineText.OneLine(bundle.Title)),
        new("Payload-Oxum", string.Create(CultureInfo.InvariantCulture, $"{payload.Sum(f => f.Length)}.{payload.Count}")),
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

using ExportKit.Formats;
using Microsoft.Extensions.Options;

namespace ExportKit.Formatting;

/// <summary>
/// The formatters of one engine: the six built-in ones, made from their options, then the host's, each of which
/// replaces the built-in (or an earlier host formatter) of its format. Because the built-ins are not registered as
/// <see cref="IExportFormatter"/> services, a host's formatter wins whether it is registered before or after
/// <c>AddExportKit()</c>. The ZIP and the auditor package write their inner files with this set's formatter of each
/// format (unless their options name one), so configuring CSV once applies inside bundles too; likewise they stage
/// in <see cref="ExportKitOptions.TemporaryDirectory"/> unless their own options name a directory.
/// </summary>
internal sealed class ExportFormatterSet
{
    private readonly Dictionary<ExportFormat, IExportFormatter> formatters = [];
    private readonly HashSet<ExportFormat> uncompressedBundles = [];
    private readonly IExportFormatter builtInCsv;
    private readonly string? temporaryDirectory;

    public ExportFormatterSet(
        IEnumerable<IExportFormatter> hostFormatters,
        IOptions<CsvExportOptions> csv,
        IOptions<HtmlExportOptions> html,
        IOptions<ZipExportOptions> zip,
        IOptions<AuditorPackageOptions> auditorPackage,
        IOptions<ExportKitOptions> engine)
    {
        temporaryDirectory = engine.Value.TemporaryDirectory;
        Add(ExportFormatters.Json());
        builtInCsv = ExportFormatters.Csv(csv.Value);
        Add(builtInCsv);
        Add(ExportFormatters.Html(html.Value));
        Add(ExportFormatters.Markdown());
        Add(ExportFormatters.Zip(Compose(zip.Value)));
        Add(ExportFormatters.AuditorPackage(Compose(auditorPackage.Value)));
        if (zip.Value.CompressionLevel == System.IO.Compression.CompressionLevel.NoCompression)
        {
            uncompressedBundles.Add(ExportFormat.Zip);
        }

        if (auditorPackage.Value.CompressionLevel == System.IO.Compression.CompressionLevel.NoCompression)
        {
            uncompressedBundles.Add(ExportFormat.AuditorPackage);
        }

        foreach (var formatter in hostFormatters)
        {
            uncompressedBundles.Remove(formatter.Format);
            Add(formatter);
        }
    }

    /// <summary>Gets the formats served, in ordinal order.</summary>
    public IReadOnlyList<ExportFormat> Formats => [.. formatters.Keys.OrderBy(f => f.Value, StringComparer.Ordinal)];

    public IExportFormatter? Find(ExportFormat format) => formatters.GetValueOrDefault(format);

    /// <summary>
    /// Says whether the formatter of <paramref name="format"/> compresses its output, for <c>metadata.compressed</c>:
    /// the built-in ZIP and auditor package unless their options say <c>NoCompression</c>; a host's formatter of a
    /// bundle format is taken to compress (it cannot say otherwise); no other format compresses.
    /// </summary>
    public bool Compresses(ExportFormat format) => format.IsBundleFormat && !uncompressedBundles.Contains(format);

    /// <summary>
    /// Says whether the formatter of <paramref name="format"/> reads nothing of a bundle before its items — only each
    /// section's title and data source, and its items once, in order, to the end — so that the engine can assemble
    /// the bundle while it is written instead of holding its items first: the built-in CSV (its header names the
    /// columns, not the bundle). A host's formatter is not assumed to.
    /// </summary>
    public bool StreamsItems(ExportFormat format) => ReferenceEquals(Find(format), builtInCsv);

    /// <summary>
    /// How many items of each section the formatter of <paramref name="format"/> reads at most, when it shows only the
    /// first ones (the built-in HTML and Markdown; <see cref="ExportFormatters.ItemsReadPerSection"/>): the engine then
    /// keeps no more of a section. <see langword="null"/> for every other format, and for a host's formatter.
    /// </summary>
    public int? ItemsReadPerSection(ExportFormat format) => Find(format) is { } formatter ? ExportFormatters.ItemsReadPerSection(formatter) : null;

    private void Add(IExportFormatter formatter) => formatters[formatter.Format] = formatter;

    private ZipExportOptions Compose(ZipExportOptions options) => new()
    {
        CompressionLevel = options.CompressionLevel,
        TemporaryDirectory = options.TemporaryDirectory ?? temporaryDirectory,
        Json = options.Json ?? new RegisteredFormatter(this, ExportFormat.Json),
        Csv = options.Csv ?? new RegisteredFormatter(this, ExportFormat.Csv),
        Html = options.Html ?? new RegisteredFormatter(this, ExportFormat.Html),
    };

    private AuditorPackageOptions Compose(AuditorPackageOptions options) => new()
    {
        SourceOrganization = options.SourceOrganization,
        CompressionLevel = options.CompressionLevel,
        TemporaryDirectory = options.TemporaryDirectory ?? temporaryDirectory,
        Json = options.Json ?? new RegisteredFormatter(this, ExportFormat.Json),
        Csv = options.Csv ?? new RegisteredFormatter(this, ExportFormat.Csv),
    };
}

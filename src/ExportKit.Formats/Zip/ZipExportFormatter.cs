using System.IO.Compression;

namespace ExportKit.Formats.Zip;

/// <summary>
/// Writes a bundle as a ZIP of its renderings: <c>{bundleId}{extension}</c> for each inner formatter and a
/// <c>README.txt</c> (<see cref="ZipReadme"/>), in ordinal name order through <see cref="DeterministicZipArchive"/>.
/// Each inner formatter gets the bundle with its own format, and enumerates the items again.
/// </summary>
internal sealed class ZipExportFormatter : IExportFormatter
{
    private readonly (string Extension, IExportFormatter Formatter)[] parts;
    private readonly CompressionLevel level;
    private readonly string? temporaryDirectory;

    public ZipExportFormatter(IEnumerable<(string Extension, IExportFormatter Formatter)> parts, CompressionLevel level, string? temporaryDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        this.parts = [.. parts];
        foreach (var (extension, formatter) in this.parts)
        {
            ArgumentNullException.ThrowIfNull(formatter, nameof(parts));
            if (string.IsNullOrEmpty(extension) || extension[0] != '.' || extension.Length < 2 || extension.AsSpan(1).IndexOfAny("./\\: ") >= 0)
            {
                throw new ArgumentException($"'{extension}' is not a file extension: give a dot followed by letters, for example '.json'.", nameof(parts));
            }
        }

        if (this.parts.Select(p => p.Extension).Distinct(StringComparer.OrdinalIgnoreCase).Count() != this.parts.Length)
        {
            throw new ArgumentException("Two formatters have the same extension: give each file of the ZIP its own extension.", nameof(parts));
        }

        this.level = level;
        this.temporaryDirectory = temporaryDirectory;
    }

    public ExportFormat Format => ExportFormat.Zip;

    public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to: pass a writable stream.", nameof(destination));
        }

        CheckBundleId(bundle);
        var entries = parts
            .Select(p => (Name: bundle.BundleId + p.Extension, Formatter: (IExportFormatter?)p.Formatter))
            .Append((Name: ZipReadme.EntryName, Formatter: null))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();
        var files = entries.Select(e => e.Name).ToArray();
        if (files.Distinct(StringComparer.OrdinalIgnoreCase).Count() != files.Length)
        {
            throw new ArgumentException($"Bundle id '{bundle.BundleId}' names a file of the ZIP twice ({string.Join(", ", files)}): use a content-derived bundle id such as 'bnd_…'.", nameof(bundle));
        }

        await DeterministicZipArchive.WriteAsync(destination, level, temporaryDirectory, async (zip, ct) =>
        {
            foreach (var (name, formatter) in entries)
            {
                await zip.AddAsync(name, formatter is null
                    ? (entry, c) => entry.WriteAsync(ZipReadme.Build(bundle, files), c).AsTask()
                    : (entry, c) => formatter.WriteAsync(ForFormat(bundle, formatter.Format), entry, c), ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bundle as the inner formatter writes it on its own: the same content in its format, which is not compressed
    /// (<c>metadata.compressed</c> describes the file the metadata is in, and a JSON, CSV or HTML file is not).
    /// </summary>
    internal static ExportBundle ForFormat(ExportBundle bundle, ExportFormat format)
    {
        var metadata = bundle.Metadata;
        return BundleCopies.With(bundle, format, bundle.Sections, BundleCopies.With(metadata, format, metadata.TotalSections, metadata.TotalItems, metadata.DataSourcesUsed, compressed: false));
    }

    // Entry names come from the bundle id alone, so it must be one safe file-name segment.
    private static void CheckBundleId(ExportBundle bundle)
    {
        var bundleId = bundle.BundleId;
        var safe = !string.IsNullOrEmpty(bundleId) && bundleId is not "." and not ".." && bundleId.IndexOfAny(['/', '\\', ':']) < 0 && !bundleId.Any(char.IsControl);
        if (!safe)
        {
            throw new ArgumentException($"Bundle id '{bundleId}' cannot name a ZIP entry: the entries are named after it, so it must be one file name without '/', '\\', ':' or control characters, such as 'bnd_…'.", nameof(bundle));
        }
    }
}

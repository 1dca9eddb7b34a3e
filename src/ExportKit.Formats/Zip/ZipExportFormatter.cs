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

        // Each entry is written and compressed on its own core, from its own replay of the bundle's items; the archive
        // is then written front to back with the bytes ZipArchive would have written entry after entry.
        var writes = entries.Select(e => (e.Name, Writer(bundle, e.Formatter, files))).ToArray();
        var made = await PrecompressedEntry.CreateAllAsync(writes, level, temporaryDirectory, withSha256: false, passFlushes: true, cancellationToken).ConfigureAwait(false);
        try
        {
            await SequentialZipWriter.WriteAsync(destination, made, level, temporaryDirectory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var entry in made)
            {
                entry.Dispose();
            }
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bundle as the inner formatter writes it on its own: the same content in its format, which is not compressed
    /// (<c>metadata.compressed</c> describes the file the metadata is in, and a JSON, CSV or HTML file is not).
    /// </summary>
    private static Func<Stream, CancellationToken, Task> Writer(ExportBundle bundle, IExportFormatter? formatter, string[] files)
    {
        if (formatter is null)
        {
            var readme = ZipReadme.Build(bundle, files);
            return async (entry, c) => await entry.WriteAsync(readme, c).ConfigureAwait(false);
        }

        var copy = ForFormat(bundle, formatter.Format);
        return async (entry, c) => await formatter.WriteAsync(copy, entry, c).ConfigureAwait(false);
    }

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

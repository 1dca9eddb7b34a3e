using System.IO.Compression;

namespace ExportKit.Formats.Zip;

/// <summary>
/// Writes ZIP archives whose bytes depend only on their entries: entries in ordinal name order, every entry stamped
/// 1980-01-01 00:00:00 with fixed Unix permissions (0644), and the archive written to a seekable stream, so no
/// data descriptors. Deflate output can differ between .NET runtimes and the "version made by" byte between operating
/// systems; stored entries (<see cref="CompressionLevel.NoCompression"/>) are identical everywhere.
/// </summary>
internal sealed class DeterministicZipArchive : IDisposable
{
    /// <summary>The timestamp of every entry: the earliest a ZIP (DOS) date can hold.</summary>
    public static readonly DateTimeOffset EntryTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Regular file, rw-r--r--, in the high 16 bits as Unix zip tools expect.
    private const int UnixFileAttributes = unchecked((int)0x81A40000);

    private readonly ZipArchive archive;
    private readonly CompressionLevel level;
    private string? lastName;

    private DeterministicZipArchive(Stream seekable, CompressionLevel level)
    {
        archive = new ZipArchive(seekable, ZipArchiveMode.Create, leaveOpen: true);
        this.level = level;
    }

    /// <summary>
    /// Builds an archive and writes it to <paramref name="destination"/>. A stream that cannot seek gets the archive
    /// (or one already holding other bytes) through a private temporary file in <paramref name="temporaryDirectory"/> (deleted on close), so that its bytes are always the same.
    /// </summary>
    public static async Task WriteAsync(Stream destination, CompressionLevel level, string? temporaryDirectory, Func<DeterministicZipArchive, CancellationToken, Task> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(build);
        // ZIP offsets count from the stream's start: an archive written after other bytes would record shifted offsets.
        if (destination.CanSeek && destination.Position == 0)
        {
            await BuildAsync(destination, level, build, cancellationToken).ConfigureAwait(false);
            return;
        }

        var buffer = Staging.PrivateTemporaryFile.Create(temporaryDirectory, "zip");
        await using (buffer.ConfigureAwait(false))
        {
            await BuildAsync(buffer, level, build, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds one entry, written by <paramref name="write"/>. Names must come in ordinal order.</summary>
    /// <exception cref="ArgumentException">The name could leave the archive's root, or is not after the previous name.</exception>
    public async Task AddAsync(string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        EntryNames.Validate(name);
        if (lastName is not null && string.CompareOrdinal(lastName, name) >= 0)
        {
            throw new ArgumentException($"ZIP entry '{name}' comes after '{lastName}'; add entries once each, in ordinal name order, so the archive is deterministic.", nameof(name));
        }

        lastName = name;
        var entry = archive.CreateEntry(name, level);
        entry.LastWriteTime = EntryTimestamp;
        entry.ExternalAttributes = UnixFileAttributes;
#pragma warning disable CA1849 // OpenAsync exists only on net10.0, and in Create mode opening an entry does no I/O: the writes through it are asynchronous.
        var content = entry.Open();
#pragma warning restore CA1849
        await using (content.ConfigureAwait(false))
        {
            await write(content, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => archive.Dispose();

    private static async Task BuildAsync(Stream seekable, CompressionLevel level, Func<DeterministicZipArchive, CancellationToken, Task> build, CancellationToken cancellationToken)
    {
        using var zip = new DeterministicZipArchive(seekable, level);
        await build(zip, cancellationToken).ConfigureAwait(false);
    }
}

using System.IO.Compression;

namespace ExportKit.Formats.Zip;

/// <summary>
/// One ZIP entry written and compressed ahead of the archive: its name, sizes, CRC-32 (and SHA-256 if asked for)
/// and compressed bytes. Entries are made concurrently, one per core, then written one after another.
/// </summary>
internal sealed class PrecompressedEntry : IDisposable
{
    private readonly SpillBuffer data;

    private PrecompressedEntry(string name, SpillBuffer data, long length, uint crc32, string? sha256, bool deflated)
    {
        Name = name;
        this.data = data;
        Length = length;
        Crc32 = crc32;
        Sha256 = sha256;
        // ZipArchive stores an empty entry (no deflate data at all): so does this writer.
        Deflated = deflated && length > 0;
        CompressedLength = Deflated || length > 0 ? data.Length : 0;
    }

    public string Name { get; }

    public long Length { get; }

    public long CompressedLength { get; }

    public uint Crc32 { get; }

    public string? Sha256 { get; }

    public bool Deflated { get; }

    public static async Task<PrecompressedEntry> CreateAsync(string name, CompressionLevel level, string? temporaryDirectory, bool withSha256, bool passFlushes, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        EntryNames.Validate(name);
        var buffer = new SpillBuffer(temporaryDirectory);
        try
        {
            using var content = new EntryContentStream(buffer, level, withSha256, passFlushes);
            try
            {
                await write(content, cancellationToken).ConfigureAwait(false);
                var (crc, sha) = content.Finish();
                return new PrecompressedEntry(name, buffer, content.BytesWritten, crc, sha, level != CompressionLevel.NoCompression);
            }
            finally
            {
                content.Release();
            }
        }
        catch
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Makes every entry at once (as many at a time as there are cores), returned in the order given.</summary>
    public static async Task<PrecompressedEntry[]> CreateAllAsync(IReadOnlyList<(string Name, Func<Stream, CancellationToken, Task> Write)> entries, CompressionLevel level, string? temporaryDirectory, bool withSha256, bool passFlushes, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new Task<PrecompressedEntry>[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            tasks[i] = Start(entries[i], level, temporaryDirectory, withSha256, passFlushes, failed.Token);
        }

        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            foreach (var task in tasks)
            {
                if (task.IsCompletedSuccessfully)
                {
                    var done = await task.ConfigureAwait(false);
                    done.Dispose();
                }
            }

            // The first failure in entry order, whatever finished first: the same input fails the same way.
            var first = tasks.First(t => t.IsFaulted || t.IsCanceled);
            await first.ConfigureAwait(false);
            throw;
        }
    }

    private static Task<PrecompressedEntry> Start((string Name, Func<Stream, CancellationToken, Task> Write) entry, CompressionLevel level, string? temporaryDirectory, bool withSha256, bool passFlushes, CancellationToken cancellationToken) =>
        Task.Run(() => CreateAsync(entry.Name, level, temporaryDirectory, withSha256, passFlushes, entry.Write, cancellationToken), cancellationToken);

    public Task CopyCompressedToAsync(Stream destination, CancellationToken cancellationToken) =>
        CompressedLength == 0 ? Task.CompletedTask : data.CopyToAsync(destination, CompressedLength, cancellationToken);

    /// <summary>The entry's uncompressed content, read back (for the rare archive that needs ZipArchive's Zip64).</summary>
    public async Task CopyContentToAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (Length == 0)
        {
            return;
        }

        var compressed = data.OpenRead();
        if (!Deflated)
        {
            await compressed.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        var inflating = new DeflateStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        await using (inflating.ConfigureAwait(false))
        {
            await inflating.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => data.Dispose();
}

using System.Buffers;
using System.Security.Cryptography;

namespace ExportKit;

/// <summary>
/// SHA-256 of bytes appended in order, hashed on a pooled thread while the caller goes on producing them: the bytes
/// are gathered into 64 KiB chunks and each full chunk is hashed after the one before it, so the digest is exactly
/// SHA-256 of everything appended. An export's content hash and output hash thus take a second core instead of the
/// writer's time.
/// </summary>
/// <remarks>
/// Until the first chunk fills nothing leaves the caller's thread, so a small input is hashed inline at
/// <see cref="Finish"/> without a thread hop. At most <see cref="MaxQueuedChunks"/> chunks wait to be hashed: a producer
/// faster than SHA-256 waits for the oldest rather than queueing without bound. Not thread-safe: one producer.
/// </remarks>
internal sealed class BackgroundSha256 : IBufferWriter<byte>, IDisposable
{
    /// <summary>The size of a chunk handed to the hashing thread.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>How many full chunks may wait to be hashed before the producer waits.</summary>
    public const int MaxQueuedChunks = 8;

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly SerialBackgroundWork background = new(MaxQueuedChunks);
    private readonly bool inline;
    private readonly List<(byte[] Bytes, int Count)>? kept;
    private byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int length;
    private bool finished;

    /// <summary>Creates a hasher.</summary>
    /// <param name="inline">
    /// Hash each full chunk on the caller's thread instead: for a caller that already runs in the background (a second
    /// hop would only add a thread switch per chunk).
    /// </param>
    public BackgroundSha256(bool inline = false) => this.inline = inline;

    private BackgroundSha256(List<(byte[] Bytes, int Count)> kept) => this.kept = kept;

    /// <summary>
    /// A buffer that hashes nothing and keeps every chunk instead (<see cref="TakeKept"/>): bytes produced on one thread
    /// to be hashed, in their place in the stream, by another one's <see cref="Append"/>.
    /// </summary>
    public static BackgroundSha256 Keeping() => new([]);

    /// <summary>
    /// Takes the bytes appended since the last call, as pooled chunks in order; hand each back to
    /// <see cref="ArrayPool{T}.Shared"/> once used. Only for a buffer made by <see cref="Keeping"/>.
    /// </summary>
    public (byte[] Bytes, int Count)[] TakeKept()
    {
        if (kept is null)
        {
            throw new InvalidOperationException("This buffer hashes what it is given; only a buffer made by Keeping() keeps it.");
        }

        TakeChunk(ChunkSize);
        var chunks = kept.ToArray();
        kept.Clear();
        return chunks;
    }

    /// <summary>Appends a copy of <paramref name="data"/>; the caller may reuse its buffer at once.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var room = chunk.Length - length;
            if (room == 0)
            {
                Dispatch(ChunkSize);
                continue;
            }

            var count = Math.Min(room, data.Length);
            data[..count].CopyTo(chunk.AsSpan(length));
            length += count;
            data = data[count..];
        }
    }

    /// <summary>As <see cref="Append"/>, but waits asynchronously when the queue of chunks is full.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var room = chunk.Length - length;
            if (room == 0)
            {
                await DispatchAsync(ChunkSize).ConfigureAwait(false);
                continue;
            }

            var count = Math.Min(room, data.Length);
            data.Span[..count].CopyTo(chunk.AsSpan(length));
            length += count;
            data = data[count..];
        }
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        // The hot path of the canonical encoding (several calls per field): no Memory<T> in between.
        if (chunk.Length - length < Math.Max(sizeHint, 1) || finished)
        {
            return GetMemory(sizeHint).Span;
        }

        return chunk.AsSpan(length);
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        var needed = Math.Max(sizeHint, 1);
        if (chunk.Length - length < needed)
        {
            Dispatch(Math.Max(ChunkSize, needed));
        }

        return chunk.AsMemory(length);
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, chunk.Length - length);
        length += count;
    }

    /// <summary>Waits for the queued chunks, hashes the rest and returns the digest; the hash cannot be used after.</summary>
    public byte[] Finish()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        finished = true;
        background.Completion.GetAwaiter().GetResult();
        hash.AppendData(chunk, 0, length);
        return hash.GetHashAndReset();
    }

    /// <inheritdoc cref="Finish"/>
    public async ValueTask<byte[]> FinishAsync()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        await background.Completion.ConfigureAwait(false);
        return Finish();
    }

    /// <summary>Waits for any chunk still being hashed (it reads a pooled buffer), then frees the hash.</summary>
    public void Dispose()
    {
        finished = true;
        background.WaitQuietly();
        hash.Dispose();
        if (kept is not null)
        {
            foreach (var (bytes, _) in kept)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }

            kept.Clear();
        }

        if (chunk.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(chunk);
            chunk = [];
        }
    }

    // Hands the current chunk to the hashing thread and starts a new one of at least `size` bytes.
    private void Dispatch(int size)
    {
        if (TakeChunk(size) is { } full)
        {
            background.Post(HashAndReturn, full);
        }
    }

    private ValueTask DispatchAsync(int size) =>
        TakeChunk(size) is { } full ? background.PostAsync(HashAndReturn, full) : ValueTask.CompletedTask;

    // The filled chunk to hash in the background, or null when it was empty or hashed inline; a new chunk either way.
    private (BackgroundSha256 Self, byte[] Bytes, int Count)? TakeChunk(int size)
    {
        var full = chunk;
        var count = length;
        chunk = ArrayPool<byte>.Shared.Rent(size);
        length = 0;
        if (kept is not null)
        {
            if (count > 0)
            {
                kept.Add((full, count));
            }
            else
            {
                ArrayPool<byte>.Shared.Return(full);
            }

            return null;
        }

        if (count == 0 || inline)
        {
            hash.AppendData(full, 0, count);
            ArrayPool<byte>.Shared.Return(full);
            return null;
        }

        return (this, full, count);
    }

    private static void HashAndReturn((BackgroundSha256 Self, byte[] Bytes, int Count) chunk)
    {
        try
        {
            chunk.Self.hash.AppendData(chunk.Bytes, 0, chunk.Count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk.Bytes);
        }
    }
}

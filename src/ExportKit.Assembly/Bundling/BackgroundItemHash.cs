using System.Collections.Concurrent;

namespace ExportKit.Assembly;

/// <summary>
/// The content hash of a section's items (<see cref="CanonicalHash.AddItem"/> in order), computed on a pooled thread
/// while the export goes on reading: items are handed over in batches, each batch encoded and hashed after the one
/// before it, so the digest is exactly what hashing them one by one on the reading thread gives. On two cores the
/// canonical encoding and SHA-256 of the content no longer add to the time of an export.
/// </summary>
/// <remarks>
/// Items are immutable once made (<see cref="ExportItem"/>, with fields checked and nested values copied), so reading
/// them on another thread is safe. A section smaller than one batch never leaves the reading thread. At most
/// <see cref="MaxQueuedBatches"/> batches wait: a reader faster than the encoder waits for the oldest rather than holding
/// items without bound — or, when the queue is full, it encodes the batch itself and hands over only its bytes to hash:
/// the encoding (about half of the work) then takes the reader's idle time instead of the hashing thread's, so
/// the two cores share the content hash when it is the slower half of the pass. The bytes hashed are the same
/// either way.
/// </remarks>
internal sealed class BackgroundItemHash : IDisposable
{
    /// <summary>How many items are handed over at once.</summary>
    public const int BatchSize = 512;

    /// <summary>How many batches may wait before the reader encodes the next itself (few: queued items are held, and a deep queue is a long wait at the end).</summary>
    public const int MaxQueuedBatches = 2;

    private readonly CanonicalHash hash = new(inline: true);
    private readonly SerialBackgroundWork background = new(MaxQueuedBatches);
    private readonly ConcurrentBag<ExportItem[]> spare = [];
    private ExportItem[] batch = new ExportItem[BatchSize];
    private CanonicalHash? encoder;
    private int count;
    private bool finished;

    /// <summary>Gets how many batches the reading thread encoded itself because the hashing thread was behind.</summary>
    internal int BatchesEncodedHere { get; private set; }

    /// <summary>Adds the next item; completes at once unless the queue of batches is full.</summary>
    public ValueTask AddAsync(ExportItem item)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        batch[count++] = item;
        return count == BatchSize ? DispatchAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Waits for the queued batches, hashes the rest and returns the digest.</summary>
    public async ValueTask<byte[]> FinishAsync()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        finished = true;
        await background.Completion.ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            hash.AddItem(batch[i]);
        }

        return hash.Finish();
    }

    /// <summary>Waits for any batch still being encoded (it uses the hash), then frees the hash.</summary>
    public void Dispose()
    {
        finished = true;
        background.WaitQuietly();
        hash.Dispose();
        encoder?.Dispose();
    }

    private ValueTask DispatchAsync()
    {
        var full = batch;
        var size = count;
        batch = spare.TryTake(out var reused) ? reused : new ExportItem[BatchSize];
        count = 0;
        if (background.IsFull)
        {
            // The hashing thread is behind: rather than wait for it, encode this batch here and leave it only the SHA-256.
            encoder ??= CanonicalHash.Encoding();
            BatchesEncodedHere++;
            EncodeAndRecycle(encoder, full, size);
            return background.PostAsync(static state => state.Self.hash.AddEncoded(state.Chunks), (Self: this, Chunks: encoder.TakeEncoded()));
        }

        return background.PostAsync(static state => state.Self.EncodeAndRecycle(state.Self.hash, state.Items, state.Size), (Self: this, Items: full, Size: size));
    }

    // Encodes a batch into `into` (the hash, on the hashing thread; the encoder, here) and keeps its array for reuse.
    private void EncodeAndRecycle(CanonicalHash into, ExportItem[] items, int size)
    {
        for (var i = 0; i < size; i++)
        {
            into.AddItem(items[i]);
        }

        Array.Clear(items, 0, size);
        spare.Add(items);
    }
}

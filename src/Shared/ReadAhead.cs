using System.Threading.Channels;

namespace ExportKit;

/// <summary>
/// Enumerates a source on a pooled thread, a bounded number of items ahead of the consumer, and hands them over in
/// order: audit verification reads and decodes the chain's rows on one core while it re-hashes them on the other, and a
/// formatter replaying a spooled section formats items while the next are decoded. The
/// consumer sees exactly the source's items, then its end or its failure (the same exception, where the source threw
/// it); memory stays bounded (<see cref="BatchSize"/> × (<see cref="MaxBatches"/> + 2) items at most).
/// </summary>
/// <remarks>
/// Disposing stops the reading and waits until the source's enumerator is disposed, so a verification that stops at the
/// first bad row has closed its reader (a database connection) before it returns. The source is enumerated on another
/// thread, so its items must be safe to hand over (immutable once made). Not thread-safe: one consumer.
/// </remarks>
internal sealed class ReadAhead<T> : IAsyncEnumerator<T>
{
    /// <summary>How many items are handed over at once: one hand-over per batch, not per item.</summary>
    public const int BatchSize = 128;

    /// <summary>How many full batches may wait for the consumer before the reading waits.</summary>
    public const int MaxBatches = 4;

    private readonly Channel<T[]> batches = Channel.CreateBounded<T[]>(new BoundedChannelOptions(MaxBatches)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly CancellationTokenSource stop;
    private readonly Task reading;
    private T[] batch = [];
    private int index;

    private ReadAhead(IAsyncEnumerable<T> source, CancellationToken cancellationToken, CancellationToken abandoned)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abandoned);
        reading = Task.Run(() => ReadAsync(source, stop.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public T Current { get; private set; } = default!;

    /// <summary>Starts reading <paramref name="source"/> in the background at once.</summary>
    /// <param name="source">The items, read once, in order.</param>
    /// <param name="cancellationToken">Cancels the reading; the consumer then gets the source's cancellation.</param>
    /// <param name="abandoned">
    /// Stops the reading when what the items come from goes away: a consumer that never disposes the enumerator would
    /// otherwise leave the reading waiting for room, holding its items, for ever.
    /// </param>
    /// <returns>The enumerator of the same items.</returns>
    public static ReadAhead<T> Start(IAsyncEnumerable<T> source, CancellationToken cancellationToken, CancellationToken abandoned = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ReadAhead<T>(source, cancellationToken, abandoned);
    }

    /// <inheritdoc />
    public ValueTask<bool> MoveNextAsync()
    {
        if (index < batch.Length)
        {
            Current = batch[index++];
            return new ValueTask<bool>(true);
        }

        return NextBatchAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await reading.ConfigureAwait(false);
        }
        finally
        {
            stop.Dispose();
        }
    }

    private async ValueTask<bool> NextBatchAsync()
    {
        // WaitToReadAsync throws the source's own exception once the batches before it are read.
        while (await batches.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (batches.Reader.TryRead(out var next))
            {
                batch = next;
                index = 1;
                Current = next[0];
                return true;
            }
        }

        return false;
    }

    private async Task ReadAsync(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var buffer = new T[BatchSize];
        var count = 0;
        Exception? failure = null;
        try
        {
            var items = source.GetAsyncEnumerator(cancellationToken);
            await using (items.ConfigureAwait(false))
            {
                while (await items.MoveNextAsync().ConfigureAwait(false))
                {
                    buffer[count++] = items.Current;
                    if (count == BatchSize)
                    {
                        await batches.Writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                        buffer = new T[BatchSize];
                        count = 0;
                    }
                }
            }
        }
#pragma warning disable CA1031 // Handed to the consumer, which rethrows it after the items read before it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        // The items read before a failure come first: the consumer may find a problem among them and never reach it.
        if (count > 0 && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await batches.Writer.WriteAsync(buffer[..count], cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped reading: nobody will ask for these items or the failure.
            }
        }

        batches.Writer.TryComplete(failure);
    }
}

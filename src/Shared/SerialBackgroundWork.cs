namespace ExportKit;

/// <summary>
/// Runs work on pooled threads one piece after another, in the order it was posted, while the poster goes on: the
/// shape behind ExportKit's background hashing (<c>BackgroundSha256</c>, the assembler's item hash). At most
/// <c>maxQueued</c> pieces wait; a poster faster than the work waits for the oldest rather than queueing without bound.
/// </summary>
/// <remarks>Not thread-safe: one poster. A failed piece fails every later one and <see cref="Completion"/>.</remarks>
internal sealed class SerialBackgroundWork(int maxQueued)
{
    private readonly Queue<Task> queued = new();
    private Task last = Task.CompletedTask;

    /// <summary>Completes when everything posted has run; faults with the first failure.</summary>
    public Task Completion => last;

    /// <summary>Gets whether the queue is full: posting now would wait for the oldest piece to finish.</summary>
    public bool IsFull
    {
        get
        {
            DropCompleted();
            return queued.Count >= maxQueued;
        }
    }

    /// <summary>Runs <paramref name="work"/> with <paramref name="state"/> after everything posted before it; blocks while the queue is full.</summary>
    public void Post<TState>(Action<TState> work, TState state)
    {
        OldestWhenFull()?.GetAwaiter().GetResult();
        Enqueue(work, state);
    }

    /// <summary>As <see cref="Post{TState}"/>, but waits asynchronously while the queue is full (no pooled thread blocked).</summary>
    public async ValueTask PostAsync<TState>(Action<TState> work, TState state)
    {
        if (OldestWhenFull() is { } oldest)
        {
            await oldest.ConfigureAwait(false);
        }

        Enqueue(work, state);
    }

    // The piece to wait for before one more may be queued, or null while there is room.
    private Task? OldestWhenFull()
    {
        DropCompleted();
        return queued.Count >= maxQueued ? queued.Dequeue() : null;
    }

    private void DropCompleted()
    {
        while (queued.Count > 0 && queued.Peek().IsCompleted)
        {
            queued.Dequeue();
        }
    }

    private void Enqueue<TState>(Action<TState> work, TState state)
    {
        last = last.ContinueWith(
            static (previous, boxed) =>
            {
                var (work, state) = ((Action<TState>, TState))boxed!;
                try
                {
                    previous.GetAwaiter().GetResult();
                }
                finally
                {
                    // The piece runs even after a failure, so that it may release what it holds (pooled buffers).
                    work(state);
                }
            },
            (work, state),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
        queued.Enqueue(last);
    }

    /// <summary>Waits for everything posted, whatever its outcome: for disposal, when nobody asks for the result.</summary>
    public void WaitQuietly()
    {
        try
        {
            last.Wait();
        }
#pragma warning disable CA1031 // The failure was reported to whoever awaited Completion, or nobody asks for it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}

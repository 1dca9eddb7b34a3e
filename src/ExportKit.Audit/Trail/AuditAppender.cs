using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// Group commit for the trail. Recorders queue their prepared events; one writer loop at a time takes everything
/// queued, seals it in order on the chain head it keeps in memory, appends it with one
/// <see cref="IAuditEventStore.TryAppendBatchAsync"/> and only then completes the recorders' tasks. While a batch
/// commits, the next one gathers, so concurrent writers share commits. The recorder that finds no loop running becomes
/// the writer; once its own event is done it hands any queue left over to a pooled thread, so it is not kept writing
/// for others.
/// </summary>
/// <remarks>
/// The head is loaded from the store when unknown: at first, after another process took a sequence (the refused
/// events are resealed on the new head and tried again), and after a failed commit (every event of that batch fails;
/// reloading keeps the chain right even for a store whose fallback appended part of the batch). A store with an append
/// lock (<see cref="IAuditAppendLock"/>) has the head read and the batch appended under that lock whenever the head is
/// unknown and for a while after a lost sequence, so writers in several processes take turns rather than starve one
/// another; the head kept in memory is used without the lock otherwise, which costs nothing while one process writes.
/// </remarks>
internal sealed class AuditAppender
{
    /// <summary>How many times a batch is tried when other writers keep taking the sequence.</summary>
    public const int MaxAttempts = 100;

    /// <summary>How many commits after a lost sequence are made under the store's append lock, if it has one.</summary>
    private const int LockedCommitsAfterLoss = 32;

    /// <summary>The longest pause before a retry; pauses grow from 1 ms, doubling, each a random part of its bound.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(32);

    private readonly IAuditEventStore store;
    private readonly TimeProvider timeProvider;
    private readonly AuditEventHasher hasher;
    private readonly object gate = new();
    private readonly Action<PendingAppend, CancellationToken> cancel;
    private readonly AuditTreeSealer? tree;
    private readonly IAuditAppendLock? locking;

    // Owned by the writer loop, of which at most one runs at a time (`writing`).
    private readonly System.Buffers.ArrayBufferWriter<byte> buffer = AuditEventHasher.NewBuffer();
    private List<PendingAppend> queue = [];
    private bool writing;
    private long headSequence;
    private string? headHash;
    private int lockedCommitsLeft;

    public AuditAppender(IAuditEventStore store, TimeProvider timeProvider, AuditEventHasher hasher, AuditTreeSealer? tree = null)
    {
        this.tree = tree;
        locking = tree?.Tree as IAuditAppendLock;
        this.store = store;
        this.timeProvider = timeProvider;
        this.hasher = hasher;
        cancel = Cancel;
    }

    /// <summary>Appends an event; the task completes with the sealed event once it is durable.</summary>
    public async Task<AuditEvent> AppendAsync(AuditEvent unsealed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(unsealed);
        pending.Register(cancel, cancellationToken);
        var lead = false;
        lock (gate)
        {
            // The token may have fired between the check above and the registration: then the event is not queued.
            if (pending.State != PendingState.Cancelled)
            {
                queue.Add(pending);
                lead = !writing;
                writing = true;
            }
        }

        if (lead)
        {
            await WriteAsync(pending).ConfigureAwait(false);
        }

        return await pending.Task.ConfigureAwait(false);
    }

    private void Cancel(PendingAppend pending, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Once taken into a batch the event is being sealed and committed: it is recorded or fails with its batch.
            if (pending.State != PendingState.Queued)
            {
                return;
            }

            pending.State = PendingState.Cancelled;
            queue.Remove(pending);
        }

        pending.Cancel(cancellationToken);
    }

    /// <summary>The writer loop: commits batches until the queue is empty, or hands the rest off once <paramref name="own"/> is done.</summary>
    private async Task WriteAsync(PendingAppend? own)
    {
        while (true)
        {
            List<PendingAppend> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }

                if (own is not null && own.Task.IsCompleted)
                {
                    break;
                }

                batch = queue;
                queue = [];
                foreach (var pending in batch)
                {
                    pending.State = PendingState.Taken;
                }
            }

            await CommitAsync(batch).ConfigureAwait(false);
        }

        // The recorder's own event is done and others are queued: a pooled thread carries on (writing stays true).
        _ = Task.Run(() => WriteAsync(null));
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        var remaining = batch;
        try
        {
            var pause = false;
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (pause)
                {
                    await Task.Delay(Backoff(attempt)).ConfigureAwait(false);
                }

                AuditEvent[] sealedEvents;
                int appended;
                if (locking is not null && (headHash is null || lockedCommitsLeft > 0))
                {
                    // The head is unknown or other processes are appending: read it and append under the store's lock,
                    // where nobody can take the sequence in between.
                    lockedCommitsLeft = Math.Max(0, lockedCommitsLeft - 1);
                    (sealedEvents, appended) = await CommitUnderLockAsync(remaining).ConfigureAwait(false);
                    if (sealedEvents.Length == 0)
                    {
                        // The tree ends before the last event (events stored without leaves): give them leaves, outside
                        // the lock, since adding a leaf takes it.
                        await tree!.CatchUpAsync(CancellationToken.None).ConfigureAwait(false);
                        pause = false;
                        continue;
                    }
                }
                else
                {
                    if (headHash is null && tree is not null)
                    {
                        (headSequence, headHash) = await tree.LoadHeadAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    else if (headHash is null)
                    {
                        var last = await store.GetLastAsync(CancellationToken.None).ConfigureAwait(false);
                        headSequence = last?.Sequence ?? 0;
                        headHash = last?.Hash ?? AuditEventHasher.GenesisHash;
                    }

                    AuditLeaf[]? leaves;
                    (sealedEvents, leaves) = Seal(remaining);
                    appended = leaves is null
                        ? await store.TryAppendBatchAsync(sealedEvents, CancellationToken.None).ConfigureAwait(false)
                        : await tree!.Tree.TryAppendWithLeavesAsync(sealedEvents, leaves, CancellationToken.None).ConfigureAwait(false);
                }

                if (appended < 0 || appended > sealedEvents.Length)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"The audit store {store.GetType().Name} reported {appended} of {sealedEvents.Length} events appended: TryAppendBatchAsync must return how many events, from the first, it appended."));
                }

                if (appended > 0)
                {
                    headSequence = sealedEvents[appended - 1].Sequence;
                    headHash = sealedEvents[appended - 1].Hash;
                }

                for (var i = 0; i < appended; i++)
                {
                    remaining[i].Complete(sealedEvents[i]);
                }

                if (appended == sealedEvents.Length)
                {
                    return;
                }

                // Another writer (another process) took the next sequence: reload the head and reseal the rest on it.
                // A store with an append lock is written under it for the next commits; without one, the retry waits a
                // short random time first (see Backoff).
                remaining = remaining.GetRange(appended, remaining.Count - appended);
                headHash = null;
                lockedCommitsLeft = LockedCommitsAfterLoss;
                pause = locking is null;
            }

            var error = new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The audit event {remaining[0].Unsealed.Id} could not be appended: other writers took the next sequence {MaxAttempts} times in a row. Try again, or reduce the number of processes writing to the same store."));
            remaining.ForEach(pending => pending.Fail(error));
        }
#pragma warning disable CA1031 // Every failure goes to the recorders of the batch, who rethrow it; the loop must live on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Nothing of this batch is acknowledged. The head is reloaded before the next one, so it is the store's.
            headHash = null;
            remaining.ForEach(pending => pending.Fail(e));
        }
    }

    /// <summary>
    /// Reads the head, seals <paramref name="batch"/> on it and appends it, all under the store's append lock.
    /// </summary>
    /// <returns>The sealed events and how many were appended; no events when the tree does not end at the last event.</returns>
    private async Task<(AuditEvent[] Events, int Appended)> CommitUnderLockAsync(List<PendingAppend> batch)
    {
        AuditEvent[] sealedEvents = [];
        var appended = await locking!.AppendUnderLockAsync(
            async (session, cancellationToken) =>
            {
                headHash = null; // until read under the lock: if anything below fails, the head is unknown
                if (await tree!.TryReadHeadAsync(session, cancellationToken).ConfigureAwait(false) is not { } head)
                {
                    return 0;
                }

                (headSequence, headHash) = head;
                (sealedEvents, var leaves) = Seal(batch);
                return await session.TryAppendWithLeavesAsync(sealedEvents, leaves!, cancellationToken).ConfigureAwait(false);
            },
            CancellationToken.None).ConfigureAwait(false);
        return (sealedEvents, appended);
    }

    /// <summary>
    /// The pause before retry <paramref name="attempt"/>: a random time up to 1 ms · 2^(attempt − 1), at most
    /// <see cref="MaxBackoff"/>.
    /// </summary>
    /// <remarks>
    /// Without it, writers in several processes that keep a store's append lock busy starve the one that lost: by the
    /// time it has reloaded the head and waited its turn for the lock, another commit has moved the head again. A
    /// random pause ("full jitter") spreads the retries so the loser soon finds the lock free right after its reload.
    /// </remarks>
    private static TimeSpan Backoff(int attempt)
    {
        var bound = Math.Min(MaxBackoff.TotalMilliseconds, Math.Pow(2, Math.Min(attempt - 1, 16)));
#pragma warning disable CA5394 // Spreading retries in time needs no unpredictability against an attacker.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * bound);
#pragma warning restore CA5394
    }

    private (AuditEvent[] Events, AuditLeaf[]? Leaves) Seal(List<PendingAppend> batch)
    {
        var sealedEvents = new AuditEvent[batch.Count];
        var leaves = tree is null ? null : new AuditLeaf[batch.Count];
        var sequence = headSequence;
        var previousHash = headHash!;
        for (var i = 0; i < batch.Count; i++)
        {
            var chained = AuditEventCopy.Chained(batch[i].Unsealed, ++sequence, previousHash, timeProvider.GetUtcNow());
            if (tree is null)
            {
                sealedEvents[i] = AuditEventCopy.Sealed(chained, hasher.Hash(chained, buffer));
            }
            else
            {
                (sealedEvents[i], leaves![i]) = tree.Seal(chained);
            }

            previousHash = sealedEvents[i].Hash;
        }

        return (sealedEvents, leaves);
    }
}

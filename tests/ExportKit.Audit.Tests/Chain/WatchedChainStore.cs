using System.Runtime.CompilerServices;

namespace ExportKit.Audit.Tests.Chain;

/// <summary>
/// Forwards a store and watches how its chain and its leaves are read, which the verifier now does on other threads:
/// how many rows and leaves were handed out, whether each reader was disposed, and, on request, a changed event, a
/// failure after a number of rows or leaves, or a cancellation once a row is reached.
/// </summary>
internal sealed class WatchedChainStore(IAuditEventStore inner) : StoreForwarding(inner)
{
    private int rowsRead;
    private int leavesRead;
    private int chainReadersOpen;
    private int leafReadersOpen;

    /// <summary>Gets or sets the event whose context is changed as it is read (by sequence), or 0.</summary>
    public long ChangedSequence { get; init; }

    /// <summary>Gets or sets the number of rows after which the chain's reader throws, or 0.</summary>
    public int FailAfterRows { get; init; }

    /// <summary>Gets or sets the number of leaves after which the leaves' reader throws, or 0.</summary>
    public int FailAfterLeaves { get; init; }

    /// <summary>Gets or sets what is cancelled when the row of <see cref="CancelAtSequence"/> is read.</summary>
    public CancellationTokenSource? CancelAtRow { get; init; }

    /// <summary>Gets or sets the sequence whose row cancels <see cref="CancelAtRow"/>.</summary>
    public long CancelAtSequence { get; init; }

    public int RowsRead => Volatile.Read(ref rowsRead);

    public int LeavesRead => Volatile.Read(ref leavesRead);

    /// <summary>Gets how many readers of the chain or the leaves are open (not yet disposed).</summary>
    public int ReadersOpen => Volatile.Read(ref chainReadersOpen) + Volatile.Read(ref leafReadersOpen);

    public override async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref chainReadersOpen);
        try
        {
            await foreach (var row in Inner.ReadChainAsync(cancellationToken))
            {
                if (FailAfterRows > 0 && RowsRead == FailAfterRows)
                {
                    throw new InvalidOperationException($"The chain's reader failed after {FailAfterRows} rows.");
                }

                if (CancelAtRow is not null && row.Sequence == CancelAtSequence)
                {
                    await CancelAtRow.CancelAsync();
                }

                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref rowsRead);
                yield return row.Sequence == ChangedSequence
                    ? AuditChainRow.Decoded(row.Event!.With(e => e.ContextJson, "{\"changed\":true}"))
                    : row;
            }
        }
        finally
        {
            Interlocked.Decrement(ref chainReadersOpen);
        }
    }

    public override async IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref leafReadersOpen);
        try
        {
            await foreach (var leaf in base.ReadLeavesAsync(fromSequence, cancellationToken))
            {
                if (FailAfterLeaves > 0 && LeavesRead == FailAfterLeaves)
                {
                    throw new IOException($"The leaves' reader failed after {FailAfterLeaves} leaves.");
                }

                Interlocked.Increment(ref leavesRead);
                yield return leaf;
            }
        }
        finally
        {
            Interlocked.Decrement(ref leafReadersOpen);
        }
    }
}

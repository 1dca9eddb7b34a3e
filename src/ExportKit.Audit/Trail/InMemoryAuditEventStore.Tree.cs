using System.Globalization;
using System.Runtime.CompilerServices;

namespace ExportKit.Audit;

/// <summary>The Merkle tree of the in-memory store: the leaves and the stored hashes in lists, appended with the events under the same lock.</summary>
public sealed partial class InMemoryAuditEventStore
{
    private readonly List<AuditLeaf> leaves = [];
    private readonly List<byte[]> hashes = [];

    /// <inheritdoc />
    /// <remarks>Under the store's lock, so no reader sees part of a batch; it stops at the first refused sequence.</remarks>
    /// <exception cref="ArgumentNullException">An argument or an item is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The leaves are not the events', one each in the same order, or a leaf's hashes are not the ones it adds.</exception>
    /// <exception cref="InvalidOperationException">An event's id is taken, or the tree is behind the events (add the missing leaves first).</exception>
    public ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default)
    {
        ExportKit.Storage.AuditLeafArguments.Check(auditEvents, leaves);
        lock (gate)
        {
            for (var i = 0; i < auditEvents.Count; i++)
            {
                if (!AddEvent(auditEvents[i], leaves[i], cancellationToken))
                {
                    return ValueTask.FromResult(i);
                }
            }
        }

        return ValueTask.FromResult(auditEvents.Count);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="leaf"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The leaf's event is not stored, or its hashes are not the ones the next leaf adds.</exception>
    public ValueTask<bool> TryAddLeafAsync(AuditLeaf leaf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (leaf.Sequence <= prunedCount + leaves.Count)
            {
                return ValueTask.FromResult(false);
            }

            if (leaf.Sequence > prunedCount + events.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"No event with sequence {leaf.Sequence} is stored: add leaves only for stored events."), nameof(leaf));
            }

            AddLeaf(leaf);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(prunedCount + leaves.Count);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="indexes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative or not stored yet.</exception>
    public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var result = new byte[indexes.Count][];
            for (var i = 0; i < indexes.Count; i++)
            {
                if (indexes[i] < 0 || indexes[i] >= hashes.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(indexes), indexes[i], string.Create(CultureInfo.InvariantCulture,
                        $"Tree hash {indexes[i]} is not stored: {hashes.Count} hashes are."));
                }

                result[i] = hashes[(int)indexes[i]];
            }

            return ValueTask.FromResult<IReadOnlyList<byte[]>>(result);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        long count;
        lock (gate)
        {
            count = prunedCount + leaves.Count;
        }

        return ReadLeavesCoreAsync(fromSequence, count, cancellationToken);
    }

    private void AddLeaf(AuditLeaf leaf)
    {
        var expected = prunedCount + leaves.Count + 1L;
        if (leaf.Sequence != expected)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The tree has {expected - 1} leaves, so the next is sequence {expected}, not {leaf.Sequence}: add the missing leaves first."));
        }

        if (StoredHashes.Index(0, leaf.Sequence - 1) != hashes.Count || leaf.Hashes.Count == 0 || leaf.Hashes.Any(h => h is not { Length: MerkleHashing.HashSize }))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The leaf of sequence {leaf.Sequence} does not carry the tree hashes the next leaf adds: compute them with the stored hashes before it."), nameof(leaf));
        }

        hashes.AddRange(leaf.Hashes.Select(h => h.ToArray()));
        leaves.Add(new AuditLeaf { Sequence = leaf.Sequence, Data = leaf.Data.ToArray(), Commitments = [.. leaf.Commitments] });
    }

    private async IAsyncEnumerable<AuditLeaf> ReadLeavesCoreAsync(long fromSequence, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = fromSequence - 1; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AuditLeaf? leaf;
            lock (gate)
            {
                leaf = i < prunedCount ? null : leaves[(int)(i - prunedCount)];
            }

            if (leaf is not null)
            {
                yield return leaf; // a leaf pruned by retention is gone
            }
        }
    }
}

using System.Globalization;
using System.Numerics;

namespace ExportKit.Audit;

/// <summary>
/// Seals events for a store that keeps the tree, for the trail's group commit: each event's personal values are
/// committed with fresh salts, its chain hash is the hash of its leaf bytes, and the tree hashes its leaf adds are
/// computed from the tree's right edge, which is kept in memory like the chain head (a batch of k events on a tree of n
/// leaves reads no hash from the store). The edge is reloaded whenever the head is.
/// </summary>
internal sealed class AuditTreeSealer(IAuditEventStore store, IAuditTreeStore tree, AuditEventHasher hasher, PersonalDataPolicy policy)
{
    private const int MaxLoadAttempts = 100;

    private List<byte[]> rightEdge = [];

    public IAuditTreeStore Tree => tree;

    /// <summary>Loads the chain head and the tree's right edge, giving leaves to events stored without one first.</summary>
    public async Task<(long Sequence, string Hash)> LoadHeadAsync(CancellationToken cancellationToken)
    {
        var unlocked = new UnlockedSession(store, tree);
        for (var attempt = 0; attempt < MaxLoadAttempts; attempt++)
        {
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            if (await TryReadHeadAsync(unlocked, cancellationToken).ConfigureAwait(false) is { } head)
            {
                return head;
            }

            // another writer appended between the two reads: read both again
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"The audit store's tree and events did not agree in {MaxLoadAttempts} reads: other writers keep appending events without leaves. Record through ExportKit's trail only."));
    }

    /// <summary>Gives leaves to the events stored without one (never while the store's append lock is held: it takes that lock).</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => AuditTreeBackfill.CatchUpAsync(store, tree, hasher, cancellationToken);

    /// <summary>
    /// Reads the chain head and the tree's right edge through <paramref name="session"/>; <see langword="null"/> when
    /// the tree does not end at the last event (events stored without leaves: catch up first).
    /// </summary>
    public async Task<(long Sequence, string Hash)?> TryReadHeadAsync(IAuditAppendSession session, CancellationToken cancellationToken)
    {
        var last = await session.GetLastAsync(cancellationToken).ConfigureAwait(false);
        var size = await session.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        var sequence = last?.Sequence ?? 0;
        if (size != sequence)
        {
            return null;
        }

        rightEdge = [.. await session.ReadHashesAsync(TreeProofs.TreeHashIndexes(size), cancellationToken).ConfigureAwait(false)];
        return (sequence, last?.Hash ?? AuditEventHasher.GenesisHash);
    }

    /// <summary>Seals a chained event and builds its leaf, advancing the right edge.</summary>
    public (AuditEvent Sealed, AuditLeaf Leaf) Seal(AuditEvent chained)
    {
        var commitments = AuditCommitments.Create(chained, policy);
        var data = AuditLeafEncoding.Encode(chained, AuditCommitments.ByField(commitments));
        var sealedEvent = AuditEventCopy.Sealed(chained, hasher.Hash(data));
        var n = chained.Sequence - 1;
        var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
        var hashes = StoredHashes.ForRecord(n, MerkleHashing.RecordHash(data), rightEdge.GetRange(rightEdge.Count - m, m));
        rightEdge.RemoveRange(rightEdge.Count - m, m);
        rightEdge.Add(hashes[^1]);
        return (sealedEvent, new AuditLeaf { Sequence = chained.Sequence, Data = data, Hashes = hashes, Commitments = commitments });
    }
}

/// <summary>The store read without its append lock, for a store that has none or a head that may move.</summary>
file sealed class UnlockedSession(IAuditEventStore store, IAuditTreeStore tree) : IAuditAppendSession
{
    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => store.GetLastAsync(cancellationToken);

    public ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default) => tree.GetTreeSizeAsync(cancellationToken);

    public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default) =>
        tree.ReadHashesAsync(indexes, cancellationToken);

    public ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default) =>
        tree.TryAppendWithLeavesAsync(auditEvents, leaves, cancellationToken);
}

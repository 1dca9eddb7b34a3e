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
        for (var attempt = 0; attempt < MaxLoadAttempts; attempt++)
        {
            await AuditTreeBackfill.CatchUpAsync(store, tree, hasher, cancellationToken).ConfigureAwait(false);
            var last = await store.GetLastAsync(cancellationToken).ConfigureAwait(false);
            var size = await tree.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
            var sequence = last?.Sequence ?? 0;
            if (size != sequence)
            {
                continue; // another writer appended between the two reads: read both again
            }

            rightEdge = [.. await tree.ReadHashesAsync(TreeProofs.TreeHashIndexes(size), cancellationToken).ConfigureAwait(false)];
            return (sequence, last?.Hash ?? AuditEventHasher.GenesisHash);
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"The audit store's tree and events did not agree in {MaxLoadAttempts} reads: other writers keep appending events without leaves. Record through ExportKit's trail only."));
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

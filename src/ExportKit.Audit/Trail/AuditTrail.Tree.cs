using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// The trail's side of the transparency log: when the store keeps the Merkle tree (<see cref="IAuditTreeStore"/>), each
/// event is sealed over its leaf bytes (personal data committed, not written) and appended with the leaf's tree hashes
/// and commitments (<see cref="AuditTreeSealer"/>); events stored before the tree existed are given their leaves first.
/// </summary>
public sealed partial class AuditTrail
{
    private readonly IAuditTreeStore? treeStore;
    private readonly PersonalDataPolicy personalData;

    /// <summary>Gets the trail's store.</summary>
    internal IAuditEventStore Store => store;

    /// <summary>Gets a value indicating whether user ids are personal data (<see cref="AuditOptions.UserIdIsPersonal"/>).</summary>
    internal bool UserIdIsPersonal => personalData.UserIdIsPersonal;

    /// <summary>Gets the clock that stamps the events (retention compares dates with it).</summary>
    internal TimeProvider TimeProvider => timeProvider;

    /// <summary>Gets the store's tree, or <see langword="null"/> when the store does not keep one.</summary>
    internal IAuditTreeStore? TreeStore => treeStore;

    /// <summary>Gives leaves to the events stored without one (see <see cref="AuditTreeBackfill.CatchUpAsync"/>).</summary>
    internal Task CatchUpTreeAsync(CancellationToken cancellationToken) =>
        treeStore is null ? Task.CompletedTask : AuditTreeBackfill.CatchUpAsync(store, treeStore, hasher, cancellationToken);
}

/// <summary>Builds leaves for the tree: their hashes from the ones stored, and the leaves of events recorded before the tree.</summary>
internal static class AuditTreeBackfill
{
    /// <summary>The leaf of the event with <paramref name="sequence"/>, with the hashes it adds to the tree.</summary>
    public static async Task<AuditLeaf> LeafAsync(
        IAuditTreeStore treeStore, long sequence, byte[] data, IReadOnlyList<AuditCommitment> commitments, CancellationToken cancellationToken)
    {
        var n = sequence - 1;
        var old = await treeStore.ReadHashesAsync(StoredHashes.IndexesForRecord(n), cancellationToken).ConfigureAwait(false);
        return new AuditLeaf
        {
            Sequence = sequence,
            Data = data,
            Hashes = StoredHashes.ForRecord(n, MerkleHashing.RecordHash(data), old),
            Commitments = commitments,
        };
    }

    /// <summary>
    /// Gives every stored event without a leaf (recorded before the store kept the tree) its leaf: the chain encoding
    /// it was hashed with (<c>exportkit.audit-event.v1</c>), which holds its personal data in clear, so such an event
    /// cannot be erased. An event that does not match its own chain hash is not given a leaf: it is reported.
    /// </summary>
    public static async Task CatchUpAsync(IAuditEventStore store, IAuditTreeStore treeStore, AuditEventHasher hasher, CancellationToken cancellationToken)
    {
        // The last event first, then the tree's size: a store writes an event and its leaf together, so an event
        // another process appends between the two reads is already in the tree, never mistaken for one without a leaf.
        var last = await store.GetLastAsync(cancellationToken).ConfigureAwait(false);
        var size = await treeStore.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        if (last is null || last.Sequence <= size)
        {
            return;
        }

        await foreach (var row in store.ReadChainAsync(cancellationToken).ConfigureAwait(false))
        {
            if (row.Sequence <= size)
            {
                continue;
            }

            if (row.Sequence > last.Sequence)
            {
                return; // appended since with its leaf
            }

            if (row.IsMalformed || row.Sequence != size + 1 || !string.Equals(hasher.Hash(row.Event), row.Event.Hash, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The audit event with sequence {row.Sequence} cannot be added to the transparency log: it is malformed, out of order or no longer matches its hash. Run VerifyAsync to see what is wrong; nothing was appended."));
            }

            var leaf = await LeafAsync(treeStore, row.Sequence, AuditEventEncoding.Encode(row.Event), [], cancellationToken).ConfigureAwait(false);
            if (!await treeStore.TryAddLeafAsync(leaf, cancellationToken).ConfigureAwait(false))
            {
                return; // another writer is catching up: the next append reads the tree again
            }

            size++;
        }
    }
}

namespace ExportKit;

/// <summary>
/// An audit event store that also keeps the trail's Merkle tree (RFC 9162), so that the trail can sign checkpoints and
/// prove inclusion and consistency. Implemented beside <see cref="IAuditEventStore"/> by a store that supports the
/// transparency log: the trail appends each event together with its <see cref="AuditLeaf"/> (the leaf bytes, the tree
/// hashes the leaf completes and the salted commitments to its personal data) in one transaction.
/// </summary>
/// <remarks>
/// The tree's hashes are kept in the layout of Go's checksum database (golang.org/x/mod/sumdb/tlog): record
/// <c>n</c> (the event with sequence <c>n + 1</c>) stores its hashes from index <c>StoredHashIndex(0, n)</c> on, and no
/// stored hash ever changes. A store only has to keep them and hand them back by index.
/// </remarks>
public interface IAuditTreeStore
{
    /// <summary>
    /// Appends sealed events with their leaves (the trail's group commit), all or none in one transaction, unless the
    /// first event's sequence is taken. Each leaf's <see cref="AuditLeaf.Sequence"/> is its event's.
    /// </summary>
    /// <param name="auditEvents">The events, the first one more than the last stored sequence, the others following without a gap.</param>
    /// <param name="leaves">Their leaves, one per event in the same order: bytes, the hashes each adds to the tree, commitments.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many events, from the first, were appended: all of them, or 0 when another writer appended a sequence first (reseal and retry).</returns>
    ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the leaf of an event that is already stored but has none (recorded before the store kept the tree), unless
    /// that leaf is taken. Leaves are added in sequence order without gaps.
    /// </summary>
    /// <param name="leaf">The leaf.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the leaf was added by another writer first.</returns>
    ValueTask<bool> TryAddLeafAsync(AuditLeaf leaf, CancellationToken cancellationToken = default);

    /// <summary>Gets how many leaves the tree has (the sequence of the last event with a leaf).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tree's size.</returns>
    ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads stored tree hashes by index, in the order asked.</summary>
    /// <param name="indexes">The indexes, each below the number of hashes stored.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The hashes, 32 bytes each, one per index.</returns>
    ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default);

    /// <summary>Reads the leaves from a sequence on, in sequence order, with their commitments (and without their tree hashes).</summary>
    /// <param name="fromSequence">The first sequence to read, from 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The leaves.</returns>
    IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases personal values of a stored event, in one transaction: the event's personal fields are replaced by those
    /// of <paramref name="redacted"/> (the same event with the erased values set to <see langword="null"/>) and the salts
    /// of <paramref name="fields"/> are deleted. Nothing else of the event, its leaf or the tree changes.
    /// </summary>
    /// <param name="redacted">The event as it is after erasure; its sequence names the stored event.</param>
    /// <param name="fields">The commitments whose salts are deleted.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the values and salts are erased.</returns>
    ValueTask EraseAsync(AuditEvent redacted, IReadOnlyList<string> fields, CancellationToken cancellationToken = default);
}

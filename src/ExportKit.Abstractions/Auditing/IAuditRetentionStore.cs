namespace ExportKit;

/// <summary>
/// An audit tree store (<see cref="IAuditTreeStore"/>) that can prune old events for retention. Optional, apart from
/// <see cref="IAuditTreeStore"/>: a store without it cannot prune, and the transparency log says so.
/// </summary>
/// <remarks>
/// Pruning removes the events up to a cut with their leaves and commitments (their content), and keeps every stored
/// tree hash: in Go's tlog layout the hashes are only hashes, and later proofs and consistency with old checkpoints
/// need them. The cut only moves forward and the anchors are append-only.
/// </remarks>
public interface IAuditRetentionStore
{
    /// <summary>Gets the latest retention anchor, or <see langword="null"/> when nothing was ever pruned.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The anchor.</returns>
    ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction, records <paramref name="anchor"/> and deletes the events with sequence up to its
    /// <see cref="AuditRetentionAnchor.Cut"/>, their leaves and their commitments; stored tree hashes stay.
    /// </summary>
    /// <param name="anchor">The anchor; its cut is more than the last one recorded and less than the sequences of the last event and of the last leaf.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many events were deleted.</returns>
    ValueTask<long> PruneAsync(AuditRetentionAnchor anchor, CancellationToken cancellationToken = default);
}

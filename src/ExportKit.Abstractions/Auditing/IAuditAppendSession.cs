namespace ExportKit;

/// <summary>
/// The audit store as seen while its append lock is held (<see cref="IAuditAppendLock.AppendUnderLockAsync"/>): the
/// head it reads cannot move until the session ends, except by the session's own append.
/// </summary>
public interface IAuditAppendSession
{
    /// <summary>Gets the event with the highest sequence, or <see langword="null"/> when the store is empty.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The last event.</returns>
    ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets how many leaves the tree has (see <see cref="IAuditTreeStore.GetTreeSizeAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tree's size.</returns>
    ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads stored tree hashes by index (see <see cref="IAuditTreeStore.ReadHashesAsync"/>).</summary>
    /// <param name="indexes">The indexes, each below the number of hashes stored.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The hashes, 32 bytes each, one per index.</returns>
    ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends sealed events with their leaves (see <see cref="IAuditTreeStore.TryAppendWithLeavesAsync"/>); they are
    /// committed when the session ends.
    /// </summary>
    /// <param name="auditEvents">The events, the first one the sequence after the last stored, the others following without a gap.</param>
    /// <param name="leaves">Their leaves, one per event in the same order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many events were appended: all of them, or 0 when the first sequence is taken (only a writer that bypasses the lock can take it).</returns>
    ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default);
}

using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// Retention in the in-memory store: the oldest events and their leaves are dropped under the store's lock and the
/// anchor is kept; the stored tree hashes all stay, so proofs and verification of what remains still work.
/// </summary>
public sealed partial class InMemoryAuditEventStore : IAuditRetentionStore
{
    private readonly List<AuditRetentionAnchor> anchors = [];
    private long prunedCount;

    /// <inheritdoc />
    public ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(anchors.Count == 0 ? null : anchors[^1]);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="anchor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cut does not move forward, would remove the newest event or an event without a leaf, or the anchor does not link to the last pruned event; nothing is pruned.</exception>
    public ValueTask<long> PruneAsync(AuditRetentionAnchor anchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentException.ThrowIfNullOrWhiteSpace(anchor.Checkpoint, nameof(anchor));
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var last = prunedCount + events.Count;
            var treeSize = prunedCount + leaves.Count;
            if (anchor.Cut <= prunedCount || anchor.Cut >= last || anchor.Cut >= treeSize)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The retention cut {anchor.Cut} must be past the last cut ({prunedCount}), before the newest event ({last}) and before the newest leaf ({treeSize}): the cut only moves forward and the newest event and leaf stay. Nothing was pruned."), nameof(anchor));
            }

            var count = (int)(anchor.Cut - prunedCount);
            if (!string.Equals(events[count - 1].Hash, anchor.PreviousHash, StringComparison.Ordinal))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The anchor's previous hash is not the hash of event {anchor.Cut}: the first remaining event could not be linked. Nothing was pruned."), nameof(anchor));
            }

            foreach (var auditEvent in events.Take(count))
            {
                byId.Remove(auditEvent.Id);
            }

            events.RemoveRange(0, count);
            leaves.RemoveRange(0, count);
            prunedCount = anchor.Cut;
            anchors.Add(anchor);
            return ValueTask.FromResult((long)count);
        }
    }
}

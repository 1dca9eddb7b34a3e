using System.Globalization;

namespace ExportKit.Audit;

/// <summary>Erasure in the in-memory store: the event is replaced by its redacted copy and the salts are dropped, under the store's lock.</summary>
public sealed partial class InMemoryAuditEventStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No event or leaf has the redacted event's sequence and id.</exception>
    public ValueTask EraseAsync(AuditEvent redacted, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redacted);
        ArgumentNullException.ThrowIfNull(fields);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var index = (int)(redacted.Sequence - 1 - prunedCount);
            if (index < 0 || index >= leaves.Count || !string.Equals(events[index].Id, redacted.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"No event {redacted.Id} with sequence {redacted.Sequence} and a leaf is stored: erase only stored events."), nameof(redacted));
            }

            var leaf = leaves[index];
            var erased = new HashSet<string>(fields, StringComparer.Ordinal);
            events[index] = redacted;
            byId[redacted.Id] = redacted;
            leaves[index] = new AuditLeaf
            {
                Sequence = leaf.Sequence,
                Data = leaf.Data,
                Commitments = [.. leaf.Commitments.Select(c => erased.Contains(c.Field) ? new AuditCommitment { Field = c.Field, Commitment = c.Commitment } : c)],
            };
        }

        return ValueTask.CompletedTask;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;

namespace ExportKit.Audit;

/// <summary>
/// An <see cref="IAuditEventStore"/> kept in memory, for tests and quick starts: events are lost when the process ends
/// (use <c>ExportKit.Storage.Sqlite</c> to keep them). It is thread-safe and append-only: an event whose sequence is
/// taken is refused, and reads see the events stored when they started (a snapshot). Newest first means highest
/// sequence first, the order the events were recorded in, reversed.
/// </summary>
public sealed partial class InMemoryAuditEventStore : IAuditEventStore, IAuditTreeStore
{
    private readonly List<AuditEvent> events = [];
    private readonly Dictionary<string, AuditEvent> byId = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <inheritdoc />
    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(events.Count == 0 ? null : events[^1]);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The event's sequence would leave a gap.</exception>
    /// <exception cref="InvalidOperationException">The event's id is taken (as every store reports it).</exception>
    public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        TryAppendCoreAsync(auditEvent, null, cancellationToken);

    private ValueTask<bool> TryAppendCoreAsync(AuditEvent auditEvent, AuditLeaf? leaf, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AddEvent(auditEvent, leaf, cancellationToken));

    private bool AddEvent(AuditEvent auditEvent, AuditLeaf? leaf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var next = prunedCount + events.Count + 1L;
            if (auditEvent.Sequence < next)
            {
                return false;
            }

            if (auditEvent.Sequence > next)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Event {auditEvent.Id} has sequence {auditEvent.Sequence} but the next is {next}: seal events with the last sequence plus one."), nameof(auditEvent));
            }

            if (!byId.TryAdd(auditEvent.Id, auditEvent))
            {
                throw new InvalidOperationException($"An event with id {auditEvent.Id} is already stored: give every event a new id.");
            }

            if (leaf is not null)
            {
                try
                {
                    AddLeaf(leaf);
                }
                catch
                {
                    byId.Remove(auditEvent.Id);
                    throw;
                }
            }

            events.Add(auditEvent);
            return true;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="limit"/> is negative.</exception>
    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return QuerySnapshotAsync(query, offset, limit, Count(), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Events are kept as the objects appended, so no row is ever malformed here.</remarks>
    public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) =>
        ReadSnapshotAsync(Count(), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="id"/> is blank.</exception>
    public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(
                byId.TryGetValue(id, out var found) && string.Equals(found.TenantId, tenantId, StringComparison.Ordinal) ? found : null);
        }
    }

    private long Count()
    {
        lock (gate)
        {
            return prunedCount + events.Count;
        }
    }

    private AuditEvent? At(long index)
    {
        // Events are never reordered, so the first `count` sequences are the snapshot; each is read under the lock
        // because an append may be growing the list at the same time. Only retention removes events, the oldest
        // first: a pruned one is null.
        lock (gate)
        {
            return index < prunedCount ? null : events[(int)(index - prunedCount)];
        }
    }

    private async IAsyncEnumerable<AuditEvent> QuerySnapshotAsync(
        AuditQuery query, long offset, long limit, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long skipped = 0, taken = 0;
        for (var i = count - 1; i >= 0 && taken < limit; i--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var auditEvent = At(i);
            if (auditEvent is null)
            {
                yield break; // pruned by retention, and so is every older event
            }

            if (!query.Matches(auditEvent))
            {
                continue;
            }

            if (skipped < offset)
            {
                skipped++;
                continue;
            }

            taken++;
            yield return auditEvent;
        }
    }

    private async IAsyncEnumerable<AuditChainRow> ReadSnapshotAsync(long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0L; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (At(i) is { } auditEvent)
            {
                yield return AuditChainRow.Decoded(auditEvent);
            }
        }
    }
}

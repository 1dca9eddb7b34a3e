namespace ExportKit;

/// <summary>
/// Where audit events are kept. Append-only: there is no update and no delete. The trail seals each event (sequence,
/// previous hash, hash) before appending; the store only has to refuse a sequence that is taken, so that two writers
/// can never fork the chain.
/// </summary>
public interface IAuditEventStore
{
    /// <summary>Gets the last event of the chain, or <see langword="null"/> when the store is empty.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The last event.</returns>
    ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends a sealed event, unless its sequence is already taken.</summary>
    /// <param name="auditEvent">The event, whose <see cref="AuditEvent.Sequence"/> is one more than the last event's.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when another writer appended that sequence first (reseal and retry).</returns>
    ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends sealed events, consecutive in sequence and each chained to the one before, in order. The trail calls this
    /// with every event its writers recorded while the previous batch was being committed (group commit), and
    /// acknowledges none of them before this returns, so a store should append the whole batch in one transaction (all
    /// or none) and return only when it is durable. The default appends them one by one with
    /// <see cref="TryAppendAsync"/>, stopping at the first refused sequence: correct, but one commit per event.
    /// </summary>
    /// <param name="auditEvents">The events, the first one more than the last stored sequence, the others following it without a gap.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// How many events, from the first, were appended. Fewer than all only when the event at that index has a sequence
    /// another writer appended first (the trail reseals that event and the rest on the new last event and tries again);
    /// an all-or-none store returns 0 or all of them.
    /// </returns>
    async ValueTask<int> TryAppendBatchAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        for (var i = 0; i < auditEvents.Count; i++)
        {
            if (!await TryAppendAsync(auditEvents[i], cancellationToken).ConfigureAwait(false))
            {
                return i;
            }
        }

        return auditEvents.Count;
    }

    /// <summary>Reads one tenant's events that match a query's filters, newest first, skipping <paramref name="offset"/> and taking at most <paramref name="limit"/>.</summary>
    /// <param name="query">The filters (its own Limit and Offset are ignored here).</param>
    /// <param name="offset">How many matching events to skip.</param>
    /// <param name="limit">How many to return at most.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the whole chain, every tenant, in sequence order (for verification). Each row is decoded exactly as
    /// <see cref="QueryAsync"/> and <see cref="FindAsync"/> decode and compare it; a row they would not see as recorded
    /// (a value of the wrong type or shape) is returned as <see cref="AuditChainRow.Malformed"/>, never thrown.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds one event of a tenant by id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The event's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The event, or <see langword="null"/>.</returns>
    ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default);
}

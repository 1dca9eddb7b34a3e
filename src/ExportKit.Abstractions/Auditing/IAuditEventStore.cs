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

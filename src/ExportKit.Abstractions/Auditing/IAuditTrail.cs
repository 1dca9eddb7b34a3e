namespace ExportKit;

/// <summary>The host's audit trail: record events and read them back. There is no way to change or delete one.</summary>
public interface IAuditTrail
{
    /// <summary>Records an event: stamps it, computes the diff of before and after, and chains it to the last event.</summary>
    /// <param name="draft">What happened.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The recorded event, or <see langword="null"/> when it was an update that changed nothing and the options skip those.</returns>
    Task<AuditEvent?> RecordAsync(AuditEventDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of one tenant's events, newest first.</summary>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentException">The query is invalid; the message names the field.</exception>
    Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Finds one event of a tenant by id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The event's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The event, or <see langword="null"/>.</returns>
    Task<AuditEvent?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default);

    /// <summary>Counts one tenant's events that match a query's filters, by severity (every severity present, zeros included).</summary>
    /// <param name="query">The filters (paging is ignored).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts.</returns>
    Task<IReadOnlyDictionary<AuditSeverity, long>> CountBySeverityAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Verifies the whole chain and names the first event that breaks it.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The verification.</returns>
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}

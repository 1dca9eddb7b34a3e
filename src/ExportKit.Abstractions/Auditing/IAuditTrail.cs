namespace ExportKit;

/// <summary>
/// The host's audit trail: record events, and read, count and export them for a principal. There is no way to change
/// or delete an event.
/// </summary>
/// <remarks>
/// <para>
/// Every read and export takes the <see cref="ExportPrincipal"/> who asks, and follows the audit specification's
/// access table: reading a page needs <c>audit:view</c> (and <c>audit:filter</c> when a filter is set), opening one
/// event needs <c>audit:view-details</c>, exporting needs <c>audit:export:create</c>. The <c>AuditGovernance</c> role
/// map of ExportKit.Audit gives the first three to <c>owner</c>, <c>admin</c>, <c>member</c> and <c>viewer</c>, and the
/// export to <c>owner</c> and <c>admin</c> only. A refusal is an <see cref="AuditAccessDeniedException"/>.
/// </para>
/// <para>
/// The tenant comes from the principal. A query that names another tenant is refused (never silently re-scoped: a
/// caller that thinks it reads tenant B must not be handed tenant A's events), and an event of another tenant does not
/// exist for the caller: <see cref="GetAsync"/> returns <see langword="null"/>, as for an unknown id.
/// </para>
/// </remarks>
public interface IAuditTrail
{
    /// <summary>Records an event: stamps it, computes the diff of before and after, and chains it to the last event.</summary>
    /// <param name="draft">What happened.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The recorded event, or <see langword="null"/> when it was an update that changed nothing and the options skip those.</returns>
    Task<AuditEvent?> RecordAsync(AuditEventDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of the principal's tenant's events, newest first.</summary>
    /// <param name="query">The filters and page; its tenant must be the principal's.</param>
    /// <param name="principal">Who reads.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The query is invalid; the message names the field.</exception>
    /// <exception cref="AuditAccessDeniedException">The principal lacks <c>audit:view</c> (or <c>audit:filter</c> for a filtered query), or the query names another tenant.</exception>
    Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Finds one event of the principal's tenant by id.</summary>
    /// <param name="id">The event's id.</param>
    /// <param name="principal">Who reads.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The event, or <see langword="null"/> when no event of the principal's tenant has that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="AuditAccessDeniedException">The principal lacks <c>audit:view-details</c>.</exception>
    Task<AuditEvent?> GetAsync(string id, ExportPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Counts the principal's tenant's events that match a query's filters, by severity (every severity present, zeros included).</summary>
    /// <param name="query">The filters (paging is ignored); its tenant must be the principal's.</param>
    /// <param name="principal">Who reads.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A filter is invalid; the message names it.</exception>
    /// <exception cref="AuditAccessDeniedException">The principal lacks <c>audit:view</c> (or <c>audit:filter</c> for a filtered query), or the query names another tenant.</exception>
    Task<IReadOnlyDictionary<AuditSeverity, long>> CountBySeverityAsync(AuditQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports every event of the principal's tenant that matches the query's filters, newest first, as UTF-8 CSV
    /// (RFC 4180): the specification's nine columns <c>ID,Timestamp,Event Type,Severity,Actor Type,User ID,IP Address,User Agent,Context</c>,
    /// then <c>Resource Type,Resource ID,Changes</c> (the diff as JSON). Cells a spreadsheet would run as a formula are
    /// neutralised. The whole result is written, not a page; events stream in bounded memory.
    /// </summary>
    /// <param name="query">The filters (limit and offset are ignored); its tenant must be the principal's.</param>
    /// <param name="principal">Who exports.</param>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="cancellationToken">Cancels the read and the writes.</param>
    /// <returns>A task that completes when the CSV is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A filter is invalid, or <paramref name="destination"/> cannot be written to.</exception>
    /// <exception cref="AuditAccessDeniedException">The principal lacks <c>audit:export:create</c> ("Admin role required"), or the query names another tenant; nothing is written.</exception>
    Task ExportCsvAsync(AuditQuery query, ExportPrincipal principal, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies the whole chain, every tenant, and names the first event that breaks it. An operator's check of the
    /// store, not a tenant's read: it returns no event's content, only where the chain breaks.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The verification.</returns>
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}

namespace ExportKit.Audit.Tests.Chain;

/// <summary>
/// A test store wrapper that forwards everything, chain and tree, to a store that keeps the tree (the in-memory one in
/// these tests); a wrapper overrides only what it changes.
/// </summary>
internal abstract class StoreForwarding(IAuditEventStore inner) : TreeForwarding((IAuditTreeStore)inner), IAuditEventStore
{
    protected IAuditEventStore Inner => inner;

    public virtual ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

    public virtual ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => inner.TryAppendAsync(auditEvent, cancellationToken);

    public virtual IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, offset, limit, cancellationToken);

    public virtual IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) => inner.ReadChainAsync(cancellationToken);

    public virtual ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, id, cancellationToken);
}

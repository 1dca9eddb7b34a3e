namespace ExportKit.Storage.Contracts;

/// <summary>A store seen through its chain interface only, as a trail sees a store without the transparency log (or as ExportKit 0.2 wrote events).</summary>
public sealed class ChainOnlyAuditStore(IAuditEventStore inner) : IAuditEventStore
{
    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

    public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => inner.TryAppendAsync(auditEvent, cancellationToken);

    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, offset, limit, cancellationToken);

    public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) => inner.ReadChainAsync(cancellationToken);

    public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, id, cancellationToken);
}

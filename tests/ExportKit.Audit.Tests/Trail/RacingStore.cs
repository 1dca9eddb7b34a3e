using ExportKit.Audit.Tests.Chain;

namespace ExportKit.Audit.Tests.Trail;

/// <summary>A store where another writer appends just before each of the first <c>times</c> appends, so they lose the race.</summary>
internal sealed class RacingStore(IAuditEventStore inner, Func<Task> rival, int times) : TreeForwarding((IAuditTreeStore)inner), IAuditEventStore
{
    public int Attempts { get; private set; }

    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

    public async ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        if (Attempts++ < times)
        {
            await rival();
        }

        return await inner.TryAppendAsync(auditEvent, cancellationToken);
    }

    public override async ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default)
    {
        if (Attempts++ < times)
        {
            await rival();
        }

        return await base.TryAppendWithLeavesAsync(auditEvents, leaves, cancellationToken);
    }

    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, offset, limit, cancellationToken);

    public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) => inner.ReadChainAsync(cancellationToken);

    public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) =>
        inner.FindAsync(tenantId, id, cancellationToken);
}

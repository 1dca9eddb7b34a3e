using System.Runtime.CompilerServices;

namespace ExportKit.Audit.Tests.Chain;

/// <summary>
/// Wraps a store and rewrites the chain it reads back, as someone with write access to the database would: the trail
/// never sees the change happen, only its result.
/// </summary>
internal sealed class TamperedStore(IAuditEventStore inner, Func<List<AuditEvent>, IEnumerable<AuditEvent>> tamper) : TreeForwarding((IAuditTreeStore)inner), IAuditEventStore, IAuditRetentionStore
{
    public ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken = default) =>
        ((IAuditRetentionStore)inner).GetRetentionAnchorAsync(cancellationToken);

    public ValueTask<long> PruneAsync(AuditRetentionAnchor anchor, CancellationToken cancellationToken = default) =>
        ((IAuditRetentionStore)inner).PruneAsync(anchor, cancellationToken);

    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

    public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        inner.TryAppendAsync(auditEvent, cancellationToken);

    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, offset, limit, cancellationToken);

    public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) =>
        inner.FindAsync(tenantId, id, cancellationToken);

    public async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chain = new List<AuditEvent>();
        await foreach (var row in inner.ReadChainAsync(cancellationToken))
        {
            chain.Add(row.Event!);
        }

        foreach (var auditEvent in tamper(chain))
        {
            yield return AuditChainRow.Decoded(auditEvent);
        }
    }
}

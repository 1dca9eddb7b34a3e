using System.Runtime.CompilerServices;

namespace ExportKit.Audit.Tests.Chain;

/// <summary>Wraps a store and reads one sequence back as a malformed row, as a durable store does for a row written behind its back.</summary>
internal sealed class MalformedRowStore(IAuditEventStore inner, long sequence, string? id) : TreeForwarding((IAuditTreeStore)inner), IAuditEventStore
{
    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

    public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        inner.TryAppendAsync(auditEvent, cancellationToken);

    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, offset, limit, cancellationToken);

    public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) =>
        inner.FindAsync(tenantId, id, cancellationToken);

    public async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in inner.ReadChainAsync(cancellationToken))
        {
            yield return row.Sequence == sequence ? AuditChainRow.Malformed(sequence, id, "severity", "'INFO' is not info, warning, error or critical") : row;
        }
    }
}

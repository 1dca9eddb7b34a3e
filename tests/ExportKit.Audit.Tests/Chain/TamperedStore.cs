using System.Runtime.CompilerServices;

namespace ExportKit.Audit.Tests.Chain;

/// <summary>
/// Wraps a store and rewrites the chain it reads back, as someone with write access to the database would: the trail
/// never sees the change happen, only its result.
/// </summary>
internal sealed class TamperedStore(IAuditEventStore inner, Func<List<AuditEvent>, IEnumerable<AuditEvent>> tamper) : StoreForwarding(inner), IAuditRetentionStore
{
    public ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken = default) =>
        ((IAuditRetentionStore)Inner).GetRetentionAnchorAsync(cancellationToken);

    public ValueTask<long> PruneAsync(AuditRetentionAnchor anchor, CancellationToken cancellationToken = default) =>
        ((IAuditRetentionStore)Inner).PruneAsync(anchor, cancellationToken);

    public override async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chain = new List<AuditEvent>();
        await foreach (var row in Inner.ReadChainAsync(cancellationToken))
        {
            chain.Add(row.Event!);
        }

        foreach (var auditEvent in tamper(chain))
        {
            yield return AuditChainRow.Decoded(auditEvent);
        }
    }
}

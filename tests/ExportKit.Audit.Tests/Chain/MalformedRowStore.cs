using System.Runtime.CompilerServices;

namespace ExportKit.Audit.Tests.Chain;

/// <summary>Wraps a store and reads one sequence back as a malformed row, as a durable store does for a row written behind its back.</summary>
internal sealed class MalformedRowStore(IAuditEventStore inner, long sequence, string? id) : StoreForwarding(inner)
{
    public override async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Inner.ReadChainAsync(cancellationToken))
        {
            yield return row.Sequence == sequence ? AuditChainRow.Malformed(sequence, id, "severity", "'INFO' is not info, warning, error or critical") : row;
        }
    }
}

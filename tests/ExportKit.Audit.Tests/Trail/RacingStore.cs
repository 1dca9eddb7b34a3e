using ExportKit.Audit.Tests.Chain;

namespace ExportKit.Audit.Tests.Trail;

/// <summary>A store where another writer appends just before each of the first <c>times</c> appends, so they lose the race.</summary>
internal sealed class RacingStore(IAuditEventStore inner, Func<Task> rival, int times) : StoreForwarding(inner)
{
    public int Attempts { get; private set; }

    public override async ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        if (Attempts++ < times)
        {
            await rival();
        }

        return await base.TryAppendAsync(auditEvent, cancellationToken);
    }

    public override async ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default)
    {
        if (Attempts++ < times)
        {
            await rival();
        }

        return await base.TryAppendWithLeavesAsync(auditEvents, leaves, cancellationToken);
    }
}

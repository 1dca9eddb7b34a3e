using ExportKit.Storage.Contracts;

namespace ExportKit.Audit.Tests.Contracts;

public sealed class InMemoryAuditEventStoreContract : AuditEventStoreContract
{
    protected override IAuditEventStore CreateStore() => new InMemoryAuditEventStore();
}

public sealed class InMemoryAuditTreeStoreContract : AuditTreeStoreContract
{
    protected override IAuditEventStore CreateStore() => new InMemoryAuditEventStore();
}

public sealed class InMemoryAuditRetentionContract : AuditRetentionContract
{
    protected override IAuditEventStore CreateStore() => new InMemoryAuditEventStore();
}

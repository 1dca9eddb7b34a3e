using ExportKit.Audit;

namespace ExportKit.Tests.Faults;

/// <summary>A registry that refuses every record, as a full or read-only database would.</summary>
internal sealed class RefusingRegistry : IExportRegistry
{
    private readonly InMemoryExportRegistry inner = new();

    public ValueTask AddAsync(ExportRecord record, CancellationToken cancellationToken = default) =>
        throw new IOException("disk I/O error (registry)");

    public IAsyncEnumerable<ExportRecord> ListAsync(string tenantId, int limit = 50, int offset = 0, CancellationToken cancellationToken = default) =>
        inner.ListAsync(tenantId, limit, offset, cancellationToken);

    public ValueTask<ExportRecord?> FindAsync(string tenantId, string exportId, CancellationToken cancellationToken = default) =>
        inner.FindAsync(tenantId, exportId, cancellationToken);
}

/// <summary>An audit event store that refuses every append.</summary>
internal sealed class RefusingAuditEventStore : IAuditEventStore
{
    private readonly InMemoryAuditEventStore inner = new();

    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

    public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        throw new IOException("disk I/O error (audit trail)");

    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, offset, limit, cancellationToken);

    public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) => inner.ReadChainAsync(cancellationToken);

    public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, id, cancellationToken);
}

/// <summary>A log store that refuses entries of one type and keeps the others.</summary>
internal sealed class RefusingLogStore(string refusedEntryType) : IExportLogStore
{
    public InMemoryExportLogStore Kept { get; } = new();

    public ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default) =>
        entry.EntryType == refusedEntryType ? throw new IOException($"disk I/O error ({refusedEntryType})") : Kept.AppendAsync(entry, cancellationToken);

    public IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, CancellationToken cancellationToken = default) => Kept.ReadAsync(filter, cancellationToken);
}

using System.Collections.Concurrent;

namespace ExportKit.Benchmarks.EndToEnd;

/// <summary>
/// An in-memory registry that finds a record by key in constant time. The built-in <c>InMemoryExportRegistry</c>
/// finds by scanning its list, so after the hundreds of thousands of exports a benchmark makes, its lookup (one per
/// export) would be what is measured rather than the engine's own fixed cost.
/// </summary>
internal sealed class KeyedRegistry : IExportRegistry
{
    private readonly ConcurrentDictionary<(string TenantId, string ExportId), ExportRecord> records = new();

    public ValueTask AddAsync(ExportRecord record, CancellationToken cancellationToken = default)
    {
        records.TryAdd((record.TenantId, record.ExportId), record);
        return ValueTask.CompletedTask;
    }

    public IAsyncEnumerable<ExportRecord> ListAsync(string tenantId, int limit = 50, int offset = 0, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark never lists.");

    public ValueTask<ExportRecord?> FindAsync(string tenantId, string exportId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(records.GetValueOrDefault((tenantId, exportId)));
}

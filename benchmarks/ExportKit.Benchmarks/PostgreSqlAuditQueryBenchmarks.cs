using BenchmarkDotNet.Attributes;
using ExportKit.Storage.PostgreSql;

namespace ExportKit.Benchmarks;

/// <summary>
/// Audit query latency over 1,000,000 events on PostgreSQL: one page (50) of a tenant's events filtered by severity and
/// a date range and searched for text in the context — rare text (the trigram index finds a handful among a million)
/// and common text. The events are seeded once with COPY into a schema kept between runs (exportkit_bench_audit_1m).
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlAuditQueryBenchmarks
{
    private PostgreSqlAuditEventStore store = null!;

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = AuditMillion.EnsureAsync().GetAwaiter().GetResult();
        store = new PostgreSqlAuditEventStore(connectionString);
    }

    [Benchmark(Baseline = true)]
    public Task<int> FilteredOnly() => PageAsync(null);

    [Benchmark]
    public Task<int> FilteredAndSearchedRare() => PageAsync("needle-xyzzy");

    [Benchmark]
    public Task<int> FilteredAndSearchedCommon() => PageAsync("routine");

    private async Task<int> PageAsync(string? search)
    {
        var query = new AuditQuery("acme")
        {
            Severity = AuditSeverity.Warning,
            StartDate = AuditMillion.Start.AddDays(30),
            EndDate = AuditMillion.Start.AddDays(600),
            Search = search,
        };
        var count = 0;
        await foreach (var _ in store.QueryAsync(query, 0, 50))
        {
            count++;
        }

        return count;
    }
}

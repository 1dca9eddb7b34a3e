using BenchmarkDotNet.Attributes;
using ExportKit.Audit;

namespace ExportKit.Benchmarks;

/// <summary>
/// Jobs per second on PostgreSQL beside SQLite: as <see cref="JobThroughputBenchmarks"/> — 200 audit-CSV jobs, queued
/// untimed on a new store each iteration, drained by 1, 2 or 4 worker slots, each slot claiming with its own connection
/// (<c>FOR UPDATE SKIP LOCKED</c>). SQLite is the baseline.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)] // A drained queue cannot be drained again: every invocation gets a new store from IterationSetup.
public class PostgreSqlJobThroughputBenchmarks
{
    public const int Jobs = 200;
    private const string SchemaName = "exportkit_bench_jobs";

    private static readonly AuditQuery Logins = new("acme") { EventType = AuditEventTypes.AuthLogin };

    private JobBenchmarkSetup setup = null!;

    [Params(1, 2, 4)]
    public int Workers { get; set; }

    [IterationSetup(Target = nameof(Sqlite))]
    public void SetupSqlite() => QueueAsync(null).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(PostgreSql))]
    public void SetupPostgreSql() => QueueAsync(PostgreSqlBench.Schema(SchemaName, fresh: true)).GetAwaiter().GetResult();

    [IterationCleanup]
    public void Cleanup() => setup.Delete();

    [GlobalCleanup]
    public void DropSchema() => PostgreSqlBench.Drop(SchemaName);

    [Benchmark(Baseline = true)]
    public Task<int> Sqlite() => DrainAsync();

    [Benchmark]
    public Task<int> PostgreSql() => DrainAsync();

    private async Task<int> DrainAsync()
    {
        var drained = await setup.Jobs.Processor.DrainAsync();
        return drained == Jobs ? drained : throw new InvalidOperationException($"Drained {drained} jobs of {Jobs}.");
    }

    private async Task QueueAsync(string? postgres)
    {
        setup = JobBenchmarkSetup.Create(sqlite: true, Workers, postgres: postgres);
        await setup.SeedLoginsAsync();
        for (var i = 0; i < Jobs; i++)
        {
            await setup.Jobs.Service.CreateAuditCsvJobAsync(Logins, JobBenchmarkSetup.AuditAdmin);
        }
    }
}

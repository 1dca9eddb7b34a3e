using BenchmarkDotNet.Attributes;
using ExportKit.Audit;

namespace ExportKit.Benchmarks;

/// <summary>
/// What a request pays to queue work: 200 audit-CSV jobs created through the service (access check, the job written,
/// <c>audit.export.requested</c> recorded) on a new store each iteration. The in-memory store is the baseline.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)] // Every invocation gets a new, empty store from IterationSetup.
public class JobCreationBenchmarks
{
    private static readonly AuditQuery Logins = new("acme") { EventType = AuditEventTypes.AuthLogin };

    private JobBenchmarkSetup setup = null!;

    [IterationSetup(Target = nameof(InMemory))]
    public void SetupInMemory() => Prepare(sqlite: false);

    [IterationSetup(Target = nameof(Sqlite))]
    public void SetupSqlite() => Prepare(sqlite: true);

    [IterationCleanup]
    public void Cleanup() => setup.Delete();

    [Benchmark(Baseline = true)]
    public Task InMemory() => CreateAsync();

    [Benchmark]
    public Task Sqlite() => CreateAsync();

    // Seeding also creates the SQLite schema, untimed. A console process has no synchronization context to deadlock.
    private void Prepare(bool sqlite)
    {
        setup = JobBenchmarkSetup.Create(sqlite, workers: 1);
        setup.SeedLoginsAsync().GetAwaiter().GetResult();
    }

    private async Task CreateAsync()
    {
        for (var i = 0; i < JobThroughputBenchmarks.Jobs; i++)
        {
            await setup.Jobs.Service.CreateAuditCsvJobAsync(Logins, JobBenchmarkSetup.AuditAdmin);
        }
    }
}

using BenchmarkDotNet.Attributes;
using ExportKit.Audit;

namespace ExportKit.Benchmarks;

/// <summary>
/// How fast workers empty a queue: 200 audit-CSV jobs, created through the service on a new store (a new SQLite file
/// for each iteration, untimed), are drained by one worker with 1 or 4 slots (<c>DrainAsync</c>). Each job exports
/// three audit events, so its time is the queue's — claim, file written, fsynced, hashed and renamed, finish — not a
/// formatter's. The in-memory store is the baseline: what the queue costs without a database.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)] // A drained queue cannot be drained again: every invocation gets a new store from IterationSetup.
public class JobThroughputBenchmarks
{
    public const int Jobs = 200;

    private static readonly AuditQuery Logins = new("acme") { EventType = AuditEventTypes.AuthLogin };

    private JobBenchmarkSetup setup = null!;

    [Params(1, 4)]
    public int Workers { get; set; }

    [IterationSetup(Target = nameof(InMemory))]
    public void SetupInMemory() => Queue(sqlite: false);

    [IterationSetup(Target = nameof(Sqlite))]
    public void SetupSqlite() => Queue(sqlite: true);

    [IterationCleanup]
    public void Cleanup() => setup.Delete();

    [Benchmark(Baseline = true)]
    public Task<int> InMemory() => DrainAsync();

    [Benchmark]
    public Task<int> Sqlite() => DrainAsync();

    private async Task<int> DrainAsync()
    {
        var drained = await setup.Jobs.Processor.DrainAsync();
        return drained == Jobs ? drained : throw new InvalidOperationException($"Drained {drained} jobs of {Jobs}.");
    }

    // BenchmarkDotNet calls iteration setup synchronously; a console process has no synchronization context to deadlock.
    private void Queue(bool sqlite) => QueueAsync(sqlite).GetAwaiter().GetResult();

    private async Task QueueAsync(bool sqlite)
    {
        setup = JobBenchmarkSetup.Create(sqlite, Workers);
        await setup.SeedLoginsAsync();
        for (var i = 0; i < Jobs; i++)
        {
            await setup.Jobs.Service.CreateAuditCsvJobAsync(Logins, JobBenchmarkSetup.AuditAdmin);
        }
    }
}

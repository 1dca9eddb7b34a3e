using BenchmarkDotNet.Attributes;
using ExportKit.Audit;
using ExportKit.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExportKit.Benchmarks;

/// <summary>
/// Audit events recorded on a SQLite file by 1, 4 or 16 concurrent writers (each awaiting its event before the next),
/// beside the baseline: plain per-event inserts of the same rows into the same <c>audit_events</c> table (same schema,
/// indexes and triggers, WAL, the same default <c>synchronous</c>), one autocommit per event on a held connection with a
/// prepared statement. Every invocation records <see cref="EventsPerInvoke"/> events in all, so each figure is the time
/// per event and the ratios are rates.
/// </summary>
[MemoryDiagnoser]
public class AuditAppendBenchmarks
{
    private const int EventsPerInvoke = 400;

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"exportkit-audit-bench-{Guid.NewGuid():N}");
    private SqliteAuditEventStore store = null!;
    private AuditTrail trail = null!;
    private SqliteConnection plain = null!;
    private SqliteCommand insert = null!;
    private long plainSequence;

    [Params(1, 4, 16)]
    public int Writers { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        Directory.CreateDirectory(directory);
        store = new SqliteAuditEventStore($"Data Source={Path.Combine(directory, "trail.db")}");
        trail = new AuditTrail(store, TimeProvider.System, new BenchmarkIds(), new AuditOptions());

        // The baseline's file gets ExportKit's schema through a store, then is written with raw SQL only.
        var plainPath = Path.Combine(directory, "plain.db");
        using (var schema = new SqliteAuditEventStore($"Data Source={plainPath}"))
        {
            await schema.GetLastAsync();
        }

        plain = new SqliteConnection($"Data Source={plainPath};Pooling=False");
        plain.Open();
        insert = PlainAuditInsert.Create(plain);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        insert.Dispose();
        plain.Dispose();
        store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public void PlainInserts()
    {
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            PlainAuditInsert.Execute(insert, ++plainSequence);
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public Task Trail() => Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < EventsPerInvoke / Writers; i++)
        {
            await trail.RecordAsync(PlainAuditInsert.Draft);
        }
    })));
}

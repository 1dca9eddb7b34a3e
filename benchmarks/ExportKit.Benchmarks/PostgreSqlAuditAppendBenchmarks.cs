using BenchmarkDotNet.Attributes;
using ExportKit.Audit;
using ExportKit.Storage.PostgreSql;
using ExportKit.Storage.Sqlite;

namespace ExportKit.Benchmarks;

/// <summary>
/// Audit appends per second: 200 events recorded by 1, 2 or 4 writers at once, each writer its own trail over its own
/// store instance (as separate processes are: their locks do not see each other, so the store serialises them on the
/// chain's head). SQLite (one file) is the baseline; PostgreSQL serialises on an advisory lock.
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlAuditAppendBenchmarks
{
    public const int Events = 200;
    private const string SchemaName = "exportkit_bench_append";

    private AuditTrail[] sqliteTrails = [];
    private AuditTrail[] postgresTrails = [];
    private string directory = "";

    [Params(1, 2, 4)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "exportkit-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var sqlite = $"Data Source={Path.Combine(directory, "audit.db")}";
        var postgres = PostgreSqlBench.Schema(SchemaName, fresh: true);
        sqliteTrails = [.. Enumerable.Range(0, Writers).Select(_ => Trail(new SqliteAuditEventStore(sqlite)))];
        postgresTrails = [.. Enumerable.Range(0, Writers).Select(_ => Trail(new PostgreSqlAuditEventStore(postgres)))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        PostgreSqlBench.Drop(SchemaName);
    }

    [Benchmark(Baseline = true)]
    public Task Sqlite() => RecordAsync(sqliteTrails);

    [Benchmark]
    public Task PostgreSql() => RecordAsync(postgresTrails);

    private static AuditTrail Trail(IAuditEventStore store) => new(store, TimeProvider.System, new GuidIds(), new AuditOptions());

    private Task RecordAsync(AuditTrail[] trails) => Task.WhenAll(trails.Select(trail => Task.Run(async () =>
    {
        for (var i = 0; i < Events / Writers; i++)
        {
            await trail.RecordAsync(new AuditEventDraft { EventType = AuditEventTypes.UserUpdated, TenantId = "acme", UserId = "u1", Context = new { i } });
        }
    })));
}

/// <summary>Unique ids for events recorded by several trails at once.</summary>
internal sealed class GuidIds : IExportIdGenerator
{
    public string NewId(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N");
}

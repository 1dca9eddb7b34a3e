using BenchmarkDotNet.Attributes;
using ExportKit.Audit;
using ExportKit.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExportKit.Benchmarks;

/// <summary>
/// Audit events recorded by one writer on SQLite with the transparency log (leaf encoding, salted commitments, tree
/// hashes, all in the event's transaction) against the plain hash chain (the same store seen without its tree, as
/// before 0.3). Per event.
/// </summary>
[MemoryDiagnoser]
public class AuditTreeAppendBenchmarks
{
    private const int EventsPerInvoke = 200;

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"exportkit-tree-bench-{Guid.NewGuid():N}");
    private SqliteAuditEventStore treeStore = null!;
    private SqliteAuditEventStore chainStore = null!;
    private AuditTrail withTree = null!;
    private AuditTrail chainOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(directory);
        var options = new AuditOptions { PersonalFields = { "email" } };
        treeStore = new SqliteAuditEventStore($"Data Source={Path.Combine(directory, "tree.db")}");
        chainStore = new SqliteAuditEventStore($"Data Source={Path.Combine(directory, "chain.db")}");
        withTree = new AuditTrail(treeStore, TimeProvider.System, new BenchmarkIds(), options);
        chainOnly = new AuditTrail(new ChainOnly(chainStore), TimeProvider.System, new BenchmarkIds(), options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        treeStore.Dispose();
        chainStore.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public Task PlainChain() => RecordAsync(chainOnly);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public Task WithTransparencyLog() => RecordAsync(withTree);

    private static async Task RecordAsync(AuditTrail trail)
    {
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            await trail.RecordAsync(new AuditEventDraft
            {
                EventType = "user.updated", TenantId = "acme", UserId = "user-1",
                Request = new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0 (X11; Linux x86_64)" },
                Context = new { reason = "profile", email = "someone@example.org" },
            });
        }
    }

    /// <summary>The store through its chain interface only: the trail seals and appends as without the tree.</summary>
    private sealed class ChainOnly(IAuditEventStore inner) : IAuditEventStore
    {
        public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

        public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => inner.TryAppendAsync(auditEvent, cancellationToken);

        public ValueTask<int> TryAppendBatchAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken = default) => inner.TryAppendBatchAsync(auditEvents, cancellationToken);

        public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) => inner.QueryAsync(query, offset, limit, cancellationToken);

        public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) => inner.ReadChainAsync(cancellationToken);

        public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, id, cancellationToken);
    }
}

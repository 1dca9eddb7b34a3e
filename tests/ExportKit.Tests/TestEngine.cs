using ExportKit.Audit;
using ExportKit.Sources;
using ExportKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Tests;

/// <summary>An engine over the test records with a fixed clock, sequential ids and an in-memory log.</summary>
internal sealed class TestEngine
{
    public TestEngine(IEnumerable<IPhaseDataSource>? sources = null, Action<ExportEngineBuilder>? configure = null)
    {
        var ids = new SequentialIds();
        AuditTrail = new AuditTrail(AuditEvents, Clock, ids, new AuditOptions());
        var builder = new ExportEngineBuilder().UseTimeProvider(Clock).UseIdGenerator(ids).UseLogStore(Log).UseRegistry(Registry).UseAuditTrail(AuditTrail);
        foreach (var source in sources ?? InMemoryPhaseDataSource.ForEachPhase(TestRecords.All().Concat(TestRecords.All("globex"))))
        {
            builder.AddDataSource(source);
        }

        configure?.Invoke(builder);
        Engine = builder.Build();
    }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public InMemoryExportLogStore Log { get; } = new();

    public InMemoryExportRegistry Registry { get; } = new();

    public InMemoryAuditEventStore AuditEvents { get; } = new();

    public AuditTrail AuditTrail { get; }

    public IExportEngine Engine { get; }

    /// <summary>Reads a tenant's audit events as a viewer of that tenant.</summary>
    public Task<IReadOnlyList<AuditEvent>> AuditEventsAsync(string tenant = "acme") =>
        AuditTrail.QueryAsync(new AuditQuery(tenant), RolePermissionMap.AuditGovernance.CreatePrincipal("auditor", tenant, "viewer"));

    public static ExportPrincipal Admin(string tenant = "acme") =>
        new("lee", tenant, ["admin"], ["export:bundle-formats", "export:long-range"]);

    public static ExportQuery Query(ExportCategory category, ExportFormat? format = null, string tenant = "acme") =>
        new(category, format ?? ExportFormat.Json, new ExportScope(tenant), "lee")
        {
            TimeRange = new ExportTimeRange(TestClock.Now.AddDays(-30), TestClock.Now),
        };

    public async Task<(ExportResult Result, byte[] Bytes)> ExportAsync(ExportQuery query, ExportPrincipal? principal = null)
    {
        using var stream = new MemoryStream();
        var result = await Engine.ExportAsync(query, principal ?? Admin(query.Scope.TenantId), stream);
        return (result, stream.ToArray());
    }

    public async Task<List<ExportLogEntry>> EntriesAsync()
    {
        var entries = new List<ExportLogEntry>();
        await foreach (var entry in Log.ReadAsync())
        {
            entries.Add(entry);
        }

        return entries;
    }
}

using ExportKit.Audit;
using ExportKit.Jobs;
using ExportKit.Sources;
using ExportKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Tests.Jobs;

/// <summary>AddExportKit with a fake clock, sequential ids, a private storage directory, and optionally a gated audit trail or a counting store.</summary>
internal sealed class JobHarness : IDisposable
{
    private readonly ServiceProvider provider;

    public JobHarness(Action<ExportJobOptions>? configure = null, IExportJobStore? store = null)
    {
        var ids = new SequentialIds();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IExportIdGenerator>(ids);
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        var kit = services.AddExportKit();
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            kit.AddDataSource(source);
        }

        kit.ConfigureJobs(o =>
        {
            o.StorageDirectory = StorageDirectory;
            configure?.Invoke(o);
        });
        services.AddSingleton<IAuditTrail>(sp => Trail = new GatedTrail(new AuditTrail(sp.GetRequiredService<IAuditEventStore>(), Clock, ids, new AuditOptions())));
        provider = services.BuildServiceProvider(validateScopes: true);
        Service = provider.GetRequiredService<IExportJobService>();
        Processor = provider.GetRequiredService<IExportJobProcessor>();
        Store = provider.GetRequiredService<IExportJobStore>();
        Log = provider.GetRequiredService<IExportLogStore>();
        _ = provider.GetRequiredService<IAuditTrail>();
    }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public string StorageDirectory { get; } = Path.Combine(Path.GetTempPath(), "exportkit-jobtests-" + Guid.NewGuid().ToString("N"));

    public IExportJobService Service { get; }

    public IExportJobProcessor Processor { get; }

    public IExportJobStore Store { get; }

    public IExportLogStore Log { get; }

    public GatedTrail Trail { get; private set; } = null!;

    public static ExportPrincipal As(string role, string user = "ana", string tenant = "acme") =>
        RolePermissionMap.AuditGovernance.CreatePrincipal(user, tenant, role);

    public static AuditQuery Logins(string tenant = "acme") => new(tenant) { EventType = AuditEventTypes.AuthLogin };

    /// <summary>Records three logins in acme and one in globex.</summary>
    public async Task SeedAsync()
    {
        foreach (var (tenant, user) in new[] { ("acme", "u1"), ("acme", "u2"), ("acme", "u3"), ("globex", "g1") })
        {
            await Trail.RecordAsync(new AuditEventDraft { EventType = AuditEventTypes.AuthLogin, TenantId = tenant, UserId = user, Context = new { method = "password, \"quoted\"\nline" } });
        }
    }

    public async Task<ExportJob> JobAsync(string id, string tenant = "acme") => (await Store.FindAsync(tenant, id))!;

    public string[] Files() => Directory.Exists(StorageDirectory) ? Directory.GetFiles(StorageDirectory) : [];

    public async Task<List<AuditEvent>> EventsAsync(string type) =>
        [.. (await Trail.QueryAsync(new AuditQuery("acme") { EventType = type }, As("viewer"))).Where(e => e.EventType == type)];

    public async Task<List<ExportLogEntry>> EntriesAsync()
    {
        var entries = new List<ExportLogEntry>();
        await foreach (var entry in Log.ReadAsync())
        {
            entries.Add(entry);
        }

        return entries;
    }

    public void Dispose()
    {
        provider.Dispose();
        if (Directory.Exists(StorageDirectory))
        {
            Directory.Delete(StorageDirectory, recursive: true);
        }
    }
}

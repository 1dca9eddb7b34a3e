using ExportKit.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Demo;

/// <summary>Wires ExportKit the way a host application would: AddExportKit, its data sources, its clock, SQLite or PostgreSQL storage.</summary>
internal static class SampleHost
{
    /// <summary>The demo's load balancer: X-Forwarded-For is believed only from this range.</summary>
    public const string TrustedProxies = "10.0.0.0/8";

    public static ServiceProvider Create(TimeProvider clock, IExportIdGenerator? ids, SampleDatabase database, SampleJobs? jobs = null)
    {
        var services = new ServiceCollection();

        // Registered before AddExportKit: ExportKit only adds what the host has not (TryAdd).
        services.AddSingleton(clock);
        if (ids is not null)
        {
            services.AddSingleton(ids);
        }

        var exportKit = database.Use(services.AddExportKit(options => options.DefaultTimeRangeDays = 30))
            .ConfigureAudit(audit => audit.TrustedProxies.Add(TrustedProxies))
            // Formatter options are set once and apply inside ZIPs and auditor packages too (the default, made explicit).
            .AddCsvFormat(csv => csv.NeutralizeFormulas = true);
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(DemoData.Generate(clock.GetUtcNow())))
        {
            exportKit.AddDataSource(jobs is { SourceDelay: var delay } && delay > TimeSpan.Zero ? new SlowPhaseDataSource(source, delay) : source);
        }

        if (jobs is not null)
        {
            ConfigureJobs(exportKit, jobs);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    // Export jobs share the database (UseSqlite or UsePostgreSql registered its job store): any process on the same
    // database and job folder can create, run, follow and download them.
    private static void ConfigureJobs(IExportKitBuilder exportKit, SampleJobs jobs)
    {
        exportKit.ConfigureJobs(options =>
        {
            options.StorageDirectory = jobs.Directory;
            options.Concurrency = jobs.Concurrency;
            if (jobs.Lease is { } lease)
            {
                options.LeaseDuration = lease;
                options.HeartbeatInterval = lease / 4; // Several heartbeats per lease: one slow write does not lose it.
            }
        });
        if (jobs.HostedWorker)
        {
            exportKit.AddExportJobWorker();
        }

        if (jobs.OnJobEnded is { } report)
        {
            var store = exportKit.Services.Last(d => d.ServiceType == typeof(IExportJobStore));
            exportKit.Services.Remove(store);
            exportKit.Services.AddSingleton<IExportJobStore>(sp => new ReportingJobStore((IExportJobStore)(store.ImplementationInstance ?? store.ImplementationFactory!(sp)), report));
        }
    }
}

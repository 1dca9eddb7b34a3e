using ExportKit.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Demo;

/// <summary>Wires ExportKit the way a host application would: AddExportKit, its data sources, its clock, SQLite storage.</summary>
internal static class SampleHost
{
    /// <summary>The demo's load balancer: X-Forwarded-For is believed only from this range.</summary>
    public const string TrustedProxies = "10.0.0.0/8";

    public static ServiceProvider Create(TimeProvider clock, IExportIdGenerator? ids, string databasePath)
    {
        // SQLite creates the database file, not the folders above it.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var services = new ServiceCollection();

        // Registered before AddExportKit: ExportKit only adds what the host has not (TryAdd).
        services.AddSingleton(clock);
        if (ids is not null)
        {
            services.AddSingleton(ids);
        }

        var exportKit = services.AddExportKit(options => options.DefaultTimeRangeDays = 30)
            .UseSqlite(databasePath)
            .ConfigureAudit(audit => audit.TrustedProxies.Add(TrustedProxies))
            // Formatter options are set once and apply inside ZIPs and auditor packages too (the default, made explicit).
            .AddCsvFormat(csv => csv.NeutralizeFormulas = true);
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(DemoData.Generate(clock.GetUtcNow())))
        {
            exportKit.AddDataSource(source);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

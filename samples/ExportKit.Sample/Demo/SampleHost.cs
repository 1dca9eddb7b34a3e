using ExportKit.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Demo;

/// <summary>Wires ExportKit the way a host application would: AddExportKit, the host's data sources, its clock and log.</summary>
internal static class SampleHost
{
    public static ServiceProvider Create(TimeProvider clock, IExportIdGenerator? ids, string logPath)
    {
        var services = new ServiceCollection();

        // Registered before AddExportKit: ExportKit only adds what the host has not (TryAdd).
        services.AddSingleton(clock);
        services.AddSingleton<IExportLogStore>(new JsonLinesExportLogStore(logPath));
        if (ids is not null)
        {
            services.AddSingleton(ids);
        }

        var exportKit = services.AddExportKit(options => options.DefaultTimeRangeDays = 30);
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(DemoData.Generate(clock.GetUtcNow())))
        {
            exportKit.AddDataSource(source);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

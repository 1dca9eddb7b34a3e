using ExportKit;
using ExportKit.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What <c>AddExportKit()</c> registers for export jobs, each with <c>TryAdd</c> so a host's (a durable job store, say) wins.</summary>
internal static class ExportJobRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<ExportJobOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportJobOptions>, ExportJobOptionsValidator>());
        services.TryAddSingleton<IExportJobStore, InMemoryExportJobStore>();
        services.TryAddSingleton<IExportFileStore, LocalExportFileStore>();
        services.TryAddSingleton<IExportJobService, ExportJobService>();
        services.TryAddSingleton<ExportJobRunner>();
        services.TryAddSingleton<IExportJobProcessor>(sp => sp.GetRequiredService<ExportJobRunner>());
    }
}

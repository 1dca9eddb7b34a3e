using ExportKit.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures export jobs and adds their hosted worker.</summary>
public static class ExportJobBuilderExtensions
{
    /// <summary>Configures export jobs: file directory and lifetime, creator access, and the worker's concurrency, lease, retries and schedule.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options, for example <c>o =&gt; o.FileLifetime = TimeSpan.FromHours(48)</c>.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder ConfigureJobs(this IExportKitBuilder builder, Action<ExportJobOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds the hosted worker that runs queued export jobs and cleans up expired files while the host runs (added once
    /// however often this is called). Stopping the host hands running jobs back to the queue.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the job options, for example <c>o =&gt; o.Concurrency = 4</c>; or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddExportJobWorker(this IExportKitBuilder builder, Action<ExportJobOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ExportJobWorkerService>());
        return builder;
    }
}

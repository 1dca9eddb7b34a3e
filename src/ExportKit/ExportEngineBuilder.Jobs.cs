using ExportKit.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit;

/// <summary>Export jobs without a host: the same registrations as <c>AddExportKit()</c>, reached through <see cref="BuildJobs"/>.</summary>
public sealed partial class ExportEngineBuilder
{
    /// <summary>Configures export jobs (file directory and lifetime, creator access, the worker's concurrency, lease and retries). Validated at build.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder ConfigureJobs(Action<ExportJobOptions> configure) => Apply(configure, c => exportKit.ConfigureJobs(c));

    /// <summary>
    /// Registers the hosted job worker in the builder's own services, as <c>AddExportJobWorker</c> does. Without a host
    /// nothing starts it: run jobs with <see cref="ExportKitJobs.Processor"/> (<c>DrainAsync</c>) instead.
    /// </summary>
    /// <param name="configure">Changes the job options; or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddExportJobWorker(Action<ExportJobOptions>? configure = null) => Apply(exportKit, k => k.AddExportJobWorker(configure));

    /// <summary>Builds the engine with its export job service and processor, validating every option first.</summary>
    /// <returns>The engine, the job service and the processor, sharing one set of stores.</returns>
    /// <exception cref="InvalidOperationException">The builder has built already.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">One options class is invalid; the message lists every problem.</exception>
    public ExportKitJobs BuildJobs()
    {
        var provider = BuildProvider();
        return new ExportKitJobs(provider.GetRequiredService<IExportEngine>(), provider.GetRequiredService<IExportJobService>(), provider.GetRequiredService<IExportJobProcessor>());
    }
}

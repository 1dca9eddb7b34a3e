namespace ExportKit.Jobs;

/// <summary>What <see cref="ExportEngineBuilder.BuildJobs"/> builds: an engine and its export jobs, sharing one set of stores.</summary>
public sealed class ExportKitJobs
{
    internal ExportKitJobs(IExportEngine engine, IExportJobService service, IExportJobProcessor processor)
    {
        Engine = engine;
        Service = service;
        Processor = processor;
    }

    /// <summary>Gets the engine.</summary>
    public IExportEngine Engine { get; }

    /// <summary>Gets the job service: create, follow, list, download and cancel jobs.</summary>
    public IExportJobService Service { get; }

    /// <summary>Gets the processor: run queued jobs and clean up expired files.</summary>
    public IExportJobProcessor Processor { get; }
}

namespace ExportKit.Sample.Demo;

/// <summary>How the sample's host runs export jobs: where their files live, the worker's lease, and who hears of each job that ends.</summary>
internal sealed record SampleJobs(string Directory)
{
    /// <summary>Gets how long a worker's claim holds without a heartbeat; <see langword="null"/> for ExportKit's default (2 minutes).</summary>
    public TimeSpan? Lease { get; init; }

    /// <summary>Gets how many jobs the worker runs at once.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Gets how long each demo data source waits before its first record, as a slow remote database would (tests use it to kill a worker mid-job).</summary>
    public TimeSpan SourceDelay { get; init; }

    /// <summary>Gets a value indicating whether the hosted worker (<c>AddExportJobWorker</c>) is registered, for a process that runs until stopped.</summary>
    public bool HostedWorker { get; init; }

    /// <summary>Gets what is told of every job a worker of this process ends or hands back; or <see langword="null"/>.</summary>
    public Action<string>? OnJobEnded { get; init; }
}

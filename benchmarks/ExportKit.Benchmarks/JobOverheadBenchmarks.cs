using BenchmarkDotNet.Attributes;
using ExportKit.Jobs;
using ExportKit.Sources;

namespace ExportKit.Benchmarks;

/// <summary>
/// What a job adds to an export: the same alert-logs JSON export of 100 or 10,000 items run directly
/// (<c>ExportAsync</c> to a file, the baseline) and as a job (created through the service, claimed, run into the file
/// store — temporary file, fsync, SHA-256, rename — and finished). Both use one engine whose export log, audit events,
/// registry and jobs are on one SQLite file, so the difference is the job's own work.
/// </summary>
[MemoryDiagnoser]
public class JobOverheadBenchmarks
{
    private static readonly ExportPrincipal Admin = new("lee", "acme", ["admin"], ["export:bundle-formats"]);

    private JobBenchmarkSetup setup = null!;
    private ExportQuery query = null!;
    private string directFile = null!;

    [Params(100, 10_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        // Alerts one second apart from 20 days before BenchmarkData.Now: all inside the query's 30 days.
        var alerts = Enumerable.Range(0, Items).Select(i => (PhaseRecord)BenchmarkData.Alert(i));
        setup = JobBenchmarkSetup.Create(sqlite: true, workers: 1, builder =>
        {
            foreach (var source in InMemoryPhaseDataSource.ForEachPhase(alerts))
            {
                builder.AddDataSource(source);
            }
        });
        query = new ExportQuery(ExportCategory.AlertLogs, ExportFormat.Json, new ExportScope("acme"), Admin.UserId)
        {
            TimeRange = ExportTimeRange.LastDays(BenchmarkData.Now, 30),
        };
        directFile = Path.Combine(setup.Directory, "direct.json");

        // Both ways must export every item, or the comparison is of nothing.
        var direct = await Direct();
        var job = await setup.Jobs.Service.CreateBundleJobAsync(query, Admin);
        await setup.Jobs.Processor.RunOnceAsync();
        job = await setup.Jobs.Service.GetAsync(job.Id, JobBenchmarkSetup.AuditAdmin); // Following a job needs audit:export:status.
        if (direct != Items || job.Status != ExportJobStatus.Success || job.RowCount != Items)
        {
            setup.Delete(); // BenchmarkDotNet skips GlobalCleanup when GlobalSetup throws.
            throw new InvalidOperationException($"Expected {Items} items both ways: direct {direct}, job {job.Status} with {job.RowCount} ({job.ErrorMessage}).");
        }
    }

    [IterationCleanup]
    public void DeleteJobFiles() => setup.DeleteFiles();

    [GlobalCleanup]
    public void Cleanup() => setup.Delete();

    [Benchmark(Baseline = true)]
    public async Task<long> Direct()
    {
        var file = new FileStream(directFile, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (file)
        {
            var result = await setup.Jobs.Engine.ExportAsync(query, Admin, file);
            return result.Succeeded ? result.Bundle!.Metadata.TotalItems : throw new InvalidOperationException(result.ErrorMessage);
        }
    }

    [Benchmark]
    public async Task<string> Job()
    {
        var job = await setup.Jobs.Service.CreateBundleJobAsync(query, Admin);
        return await setup.Jobs.Processor.RunOnceAsync() ? job.Id : throw new InvalidOperationException("No job was claimed.");
    }
}

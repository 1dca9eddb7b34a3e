using Microsoft.Extensions.Hosting;

namespace ExportKit.Jobs;

/// <summary>
/// The hosted job worker (<c>AddExportJobWorker</c>): runs <see cref="ExportJobRunner.RunAsync"/> until the host stops.
/// Stopping cancels the running exports, and each job is handed back to the queue for another worker.
/// </summary>
internal sealed class ExportJobWorkerService(ExportJobRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}

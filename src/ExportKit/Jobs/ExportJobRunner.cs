using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExportKit.Jobs;

/// <summary>
/// Claims jobs under a lease and runs them (one slot per <see cref="ExportJobOptions.Concurrency"/>); the hosted
/// worker loops over it (<see cref="RunAsync"/>). A job's end is written only by the lease holder: a worker that lost
/// its lease discards its file. What one job does is in <c>ExportJobRunner.Job.cs</c>.
/// </summary>
internal sealed partial class ExportJobRunner(
    IExportJobStore store,
    IExportFileStore files,
    IAuditTrail auditTrail,
    IExportEngine engine,
    TimeProvider time,
    IOptions<ExportJobOptions> jobOptions,
    ILogger<ExportJobRunner>? logger = null) : IExportJobProcessor
{
    private static int instances;
    private readonly ExportJobOptions options = jobOptions.Value;
    private readonly string workerPrefix = $"{Environment.MachineName}:{Environment.ProcessId}:{Interlocked.Increment(ref instances)}";
    private readonly ILogger log = logger ?? (ILogger)NullLogger.Instance;

    public Task<bool> RunOnceAsync(CancellationToken cancellationToken = default) => TryRunOneAsync(0, cancellationToken);

    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async slot =>
        {
            var count = 0;
            while (!cancellationToken.IsCancellationRequested && await TryRunOneAsync(slot, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }

            return count;
        })).ConfigureAwait(false);
        return counts.Sum();
    }

    public async Task<int> CleanupExpiredAsync(CancellationToken cancellationToken = default)
    {
        var marked = 0;
        while (true)
        {
            var expired = new List<ExportJob>();
            await foreach (var job in store.ListExpiredAsync(time.GetUtcNow(), 100, cancellationToken).ConfigureAwait(false))
            {
                expired.Add(job);
            }

            if (expired.Count == 0)
            {
                return marked;
            }

            var before = marked;
            foreach (var job in expired)
            {
                if (job.FilePath is not null)
                {
                    await files.DeleteAsync(job.FilePath, cancellationToken).ConfigureAwait(false);
                }

                if (await store.MarkExpiredAsync(job.Id, cancellationToken).ConfigureAwait(false))
                {
                    marked++;
                }
            }

            if (marked == before)
            {
                return marked; // A store that lists jobs it will not mark must not loop forever.
            }
        }
    }

    /// <summary>The hosted worker's loop: every slot claims and runs jobs, waiting a poll interval when none is due; cleanup runs on its schedule.</summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(slot => SlotLoopAsync(slot, stoppingToken)).Append(CleanupLoopAsync(stoppingToken)));

    private async Task SlotLoopAsync(int slot, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await TryRunOneAsync(slot, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A worker slot outlives a failing store: it logs, waits and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ExportJobLog.SlotFailed(log, ex, slot);
                ran = false;
            }

            if (!ran && !await DelayAsync(options.PollInterval, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task CleanupLoopAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                var marked = await CleanupExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (marked > 0)
                {
                    ExportJobLog.Expired(log, marked);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Cleanup is retried at the next interval; a failure must not stop the worker.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ExportJobLog.CleanupFailed(log, ex);
            }
        }
        while (await DelayAsync(options.CleanupInterval, stoppingToken).ConfigureAwait(false));
    }

    // Every job stops its heartbeat by cancelling this delay: awaited without throwing, so that costs no exception.
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !cancellationToken.IsCancellationRequested;
    }

    private async Task<bool> TryRunOneAsync(int slot, CancellationToken stoppingToken)
    {
        var workerId = workerPrefix + ":" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var job = await store.TryClaimAsync(workerId, time.GetUtcNow(), options.LeaseDuration, stoppingToken).ConfigureAwait(false);
        if (job is null)
        {
            return false;
        }

        await ProcessAsync(job, workerId, stoppingToken).ConfigureAwait(false);
        return true;
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        ExportJobException => false,
        FileNotFoundException or DirectoryNotFoundException => false,
        IOException or TimeoutException => true,
        DbException db => db.IsTransient,
        ExportRunFailedException failed => failed.Transient,
        _ => false,
    };
}

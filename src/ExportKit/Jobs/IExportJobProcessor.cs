namespace ExportKit.Jobs;

/// <summary>
/// Runs queued export jobs and cleans up expired files, without a host: the hosted worker
/// (<c>AddExportJobWorker</c>) calls the same code on a schedule; a command-line tool or a test calls it directly.
/// </summary>
public interface IExportJobProcessor
{
    /// <summary>Claims the oldest due job, if any, and runs it to its end (success, failure, retry or cancellation).</summary>
    /// <param name="cancellationToken">Stops the work: a running job is handed back to the queue.</param>
    /// <returns><see langword="true"/> when a job was claimed.</returns>
    Task<bool> RunOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs jobs on <see cref="ExportJobOptions.Concurrency"/> slots until none is due (retries waiting out their backoff are left).</summary>
    /// <param name="cancellationToken">Stops the work: running jobs are handed back to the queue.</param>
    /// <returns>How many jobs were claimed.</returns>
    Task<int> DrainAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the files of succeeded jobs that expired and marks those jobs expired, keeping their records. Idempotent.</summary>
    /// <param name="cancellationToken">Cancels the cleanup; what was done stays done.</param>
    /// <returns>How many jobs were marked expired.</returns>
    Task<int> CleanupExpiredAsync(CancellationToken cancellationToken = default);
}

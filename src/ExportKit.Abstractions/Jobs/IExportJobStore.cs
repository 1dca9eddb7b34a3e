namespace ExportKit;

/// <summary>
/// Where export jobs are kept, and the queue workers claim them from. Several workers — threads, processes or machines
/// sharing one store — may call it at once: a job is held by one worker at a time under a lease, only the lease holder
/// can finish it, and a job whose lease ran out (a killed worker) is claimed again, so every job ends exactly once.
/// Records are kept after they end; nothing is deleted.
/// </summary>
public interface IExportJobStore
{
    /// <summary>Adds a new job (its status <see cref="ExportJobStatus.Queued"/>).</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="InvalidOperationException">A job with that id exists.</exception>
    ValueTask AddAsync(ExportJob job, CancellationToken cancellationToken = default);

    /// <summary>Finds a tenant's job; another tenant's job does not exist for the caller.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The job, or <see langword="null"/>.</returns>
    ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's jobs, newest first (by creation, then id).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="userId">Only this user's jobs, or <see langword="null"/> for all of the tenant's.</param>
    /// <param name="limit">How many at most, from 1 to 1000.</param>
    /// <param name="offset">How many to skip, not negative.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The jobs.</returns>
    IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the oldest job (by creation, then id) that is queued and due (<see cref="ExportJob.NotBefore"/> at or
    /// before <paramref name="now"/>), or processing with a lease that ran out before <paramref name="now"/>: it becomes
    /// processing, held by <paramref name="workerId"/> until <paramref name="now"/> + <paramref name="lease"/>, with one
    /// more attempt, and <see cref="ExportJob.StartedAt"/> set if it was not. Two workers never claim the same job.
    /// </summary>
    /// <param name="workerId">Who claims.</param>
    /// <param name="now">The time.</param>
    /// <param name="lease">How long the claim holds without a heartbeat.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed job, or <see langword="null"/> when none is due.</returns>
    ValueTask<ExportJob?> TryClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// The lease holder's heartbeat: extends the lease to <paramref name="now"/> + <paramref name="lease"/> and records
    /// the progress. A worker whose lease ran out and was taken over gets <see langword="null"/> and must stop.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="workerId">Who holds it.</param>
    /// <param name="now">The time.</param>
    /// <param name="lease">The new lease.</param>
    /// <param name="progress">Rows or items written so far.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The job as stored (its <see cref="ExportJob.CancelRequested"/> tells the worker to stop), or <see langword="null"/> when the worker no longer holds it.</returns>
    ValueTask<ExportJob?> RenewAsync(string jobId, string workerId, DateTimeOffset now, TimeSpan lease, long progress, CancellationToken cancellationToken = default);

    /// <summary>Ends the job the worker holds, or hands it back to the queue; the lease is released either way.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="workerId">Who holds it.</param>
    /// <param name="outcome">How it ends.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the worker no longer holds the job (it was taken over): nothing changed, and the worker must discard its file.</returns>
    ValueTask<bool> FinishAsync(string jobId, string workerId, ExportJobOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a job: a queued one is cancelled at once; a processing one is marked <see cref="ExportJob.CancelRequested"/>
    /// and its worker ends it as cancelled; an ended one is left as it is.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="now">The time (the completion time of a queued job cancelled).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The job after the change, or <see langword="null"/> when the tenant has no such job.</returns>
    ValueTask<ExportJob?> CancelAsync(string tenantId, string jobId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Lists successful jobs whose file expired (<see cref="ExportJob.ExpiresAt"/> at or before <paramref name="now"/>), oldest expiry first.</summary>
    /// <param name="now">The time.</param>
    /// <param name="limit">How many at most, from 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The jobs to clean up.</returns>
    IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks a successful job expired once its file is removed; the record is kept. Idempotent.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when the job is (now) expired; <see langword="false"/> when it does not exist or did not succeed.</returns>
    ValueTask<bool> MarkExpiredAsync(string jobId, CancellationToken cancellationToken = default);
}

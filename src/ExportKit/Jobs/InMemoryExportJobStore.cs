using System.Runtime.CompilerServices;

namespace ExportKit.Jobs;

/// <summary>
/// Export jobs in memory, for tests and one-process hosts: every operation runs under one lock, so claims, heartbeats
/// and finishes of concurrent workers are serialised and a job is held by one worker at a time.
/// </summary>
public sealed class InMemoryExportJobStore : IExportJobStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, ExportJob> jobs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask AddAsync(ExportJob job, CancellationToken cancellationToken = default)
    {
        ExportJobChecks.ThrowIfInvalidNew(job);
        lock (gate)
        {
            if (!jobs.TryAdd(job.Id, job))
            {
                throw new InvalidOperationException($"An export job with id {job.Id} is already stored: give every job a new id.");
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        lock (gate)
        {
            return ValueTask.FromResult(jobs.TryGetValue(jobId, out var job) && job.TenantId == tenantId ? job : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ExportJobChecks.ThrowIfBadPage(limit, offset);
        ExportJob[] page;
        lock (gate)
        {
            page = [.. jobs.Values
                .Where(j => j.TenantId == tenantId && (userId is null || j.UserId == userId))
                .OrderByDescending(j => j.CreatedAt)
                .ThenByDescending(j => j.Id, StringComparer.Ordinal)
                .Skip(offset)
                .Take(limit)];
        }

        foreach (var job in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return job;
        }
    }

    /// <inheritdoc />
    public ValueTask<ExportJob?> TryClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        lock (gate)
        {
            var next = jobs.Values
                .Where(j => ExportJobChecks.IsClaimable(j, now))
                .OrderBy(j => j.CreatedAt)
                .ThenBy(j => j.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (next is null)
            {
                return ValueTask.FromResult<ExportJob?>(null);
            }

            var claimed = ExportJobChanges.Claimed(next, workerId, now, lease);
            jobs[next.Id] = claimed;
            return ValueTask.FromResult<ExportJob?>(claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask<ExportJob?> RenewAsync(string jobId, string workerId, DateTimeOffset now, TimeSpan lease, long progress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(progress);
        lock (gate)
        {
            if (!jobs.TryGetValue(jobId, out var job) || !ExportJobChecks.IsHeldBy(job, workerId))
            {
                return ValueTask.FromResult<ExportJob?>(null);
            }

            var renewed = ExportJobChanges.Renewed(job, now, lease, progress);
            jobs[jobId] = renewed;
            return ValueTask.FromResult<ExportJob?>(renewed);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> FinishAsync(string jobId, string workerId, ExportJobOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentNullException.ThrowIfNull(outcome);
        lock (gate)
        {
            if (!jobs.TryGetValue(jobId, out var job) || !ExportJobChecks.IsHeldBy(job, workerId))
            {
                return ValueTask.FromResult(false);
            }

            jobs[jobId] = ExportJobChanges.Finished(job, outcome);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<ExportJob?> CancelAsync(string tenantId, string jobId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        lock (gate)
        {
            if (!jobs.TryGetValue(jobId, out var job) || job.TenantId != tenantId)
            {
                return ValueTask.FromResult<ExportJob?>(null);
            }

            var after = ExportJobChanges.CancelAsked(job, now);
            jobs[jobId] = after;
            return ValueTask.FromResult<ExportJob?>(after);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ExportJobChecks.ThrowIfBadPage(limit, 0);
        ExportJob[] expired;
        lock (gate)
        {
            expired = [.. jobs.Values
                .Where(j => j.Status == ExportJobStatus.Success && j.ExpiresAt <= now)
                .OrderBy(j => j.ExpiresAt)
                .ThenBy(j => j.Id, StringComparer.Ordinal)
                .Take(limit)];
        }

        foreach (var job in expired)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return job;
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> MarkExpiredAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        lock (gate)
        {
            if (!jobs.TryGetValue(jobId, out var job) || job.Status is not (ExportJobStatus.Success or ExportJobStatus.Expired))
            {
                return ValueTask.FromResult(false);
            }

            jobs[jobId] = ExportJobChanges.Expired(job);
            return ValueTask.FromResult(true);
        }
    }
}

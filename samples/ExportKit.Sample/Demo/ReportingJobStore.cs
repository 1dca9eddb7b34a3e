using System.Collections.Concurrent;
using System.Globalization;

namespace ExportKit.Sample.Demo;

/// <summary>
/// The job store the sample's worker uses: the SQLite store, telling the console of every job this process ends (or
/// hands back), with the attempt it took. Everything else passes through unchanged.
/// </summary>
internal sealed class ReportingJobStore(IExportJobStore inner, Action<string> report) : IExportJobStore
{
    private readonly ConcurrentDictionary<string, ExportJob> claimed = new(StringComparer.Ordinal);

    public ValueTask AddAsync(ExportJob job, CancellationToken cancellationToken = default) => inner.AddAsync(job, cancellationToken);

    public ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, jobId, cancellationToken);

    public IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, CancellationToken cancellationToken = default) =>
        inner.ListAsync(tenantId, userId, limit, offset, cancellationToken);

    public async ValueTask<ExportJob?> TryClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var job = await inner.TryClaimAsync(workerId, now, lease, cancellationToken);
        if (job is not null)
        {
            claimed[job.Id] = job;
        }

        return job;
    }

    public ValueTask<ExportJob?> RenewAsync(string jobId, string workerId, DateTimeOffset now, TimeSpan lease, long progress, CancellationToken cancellationToken = default) =>
        inner.RenewAsync(jobId, workerId, now, lease, progress, cancellationToken);

    public async ValueTask<bool> FinishAsync(string jobId, string workerId, ExportJobOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var finished = await inner.FinishAsync(jobId, workerId, outcome, cancellationToken);
        claimed.TryRemove(jobId, out var job);
        var attempt = job is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (attempt {job.Attempts}, tenant {job.TenantId})");
        report(!finished
            ? $"{jobId}: lost its lease to another worker; this worker's file was discarded"
            : outcome.Status switch
            {
                ExportJobStatus.Success => string.Create(CultureInfo.InvariantCulture, $"{jobId}: success{attempt}: {outcome.RowCount} row(s), {outcome.FileSizeBytes} bytes, SHA-256 {outcome.Sha256}"),
                ExportJobStatus.Queued => $"{jobId}: handed back to the queue{attempt}{(outcome.ErrorMessage is { } why ? ": " + why : string.Empty)}",
                ExportJobStatus.Failed => $"{jobId}: failed{attempt}: {outcome.ErrorCode}: {outcome.ErrorMessage}",
                _ => $"{jobId}: {ExportJobStatusNames.Of(outcome.Status)}{attempt}",
            });
        return finished;
    }

    public ValueTask<ExportJob?> CancelAsync(string tenantId, string jobId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.CancelAsync(tenantId, jobId, now, cancellationToken);

    public IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) => inner.ListExpiredAsync(now, limit, cancellationToken);

    public ValueTask<bool> MarkExpiredAsync(string jobId, CancellationToken cancellationToken = default) => inner.MarkExpiredAsync(jobId, cancellationToken);
}

/// <summary>The sample's names of job statuses and kinds, as seed 003 writes them.</summary>
internal static class ExportJobStatusNames
{
    public static string Of(ExportJobStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(ExportJobKind kind) => kind == ExportJobKind.AuditCsv ? "audit-csv" : "bundle";
}

namespace ExportKit.Storage.PostgreSql;

/// <summary>The store's transitions: each one reads its row locked (<c>FOR UPDATE</c>), decides, and writes it in one transaction.</summary>
public sealed partial class PostgreSqlExportJobStore
{
    // The oldest claimable job: queued and due, or processing with a lease that ran out before now (strictly, as the
    // in-memory store does). SKIP LOCKED passes over a row another claimer holds, so claimers never wait for each other
    // and never take the same job; the partial indexes hold only queued and processing jobs.
    private const string ClaimSql = $"""
        SELECT {ExportJobRows.Columns} FROM export_jobs
        WHERE (status = 'queued' AND (not_before IS NULL OR not_before <= @now))
           OR (status = 'processing' AND lease_expires_at < @now)
        ORDER BY created_at, id LIMIT 1
        FOR UPDATE SKIP LOCKED;
        """;

    private const string SelectByIdSql = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE id = @id FOR UPDATE;";

    private const string SelectByTenantAndIdForUpdateSql = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE tenant_id = @tenant_id AND id = @id FOR UPDATE;";

    /// <summary>
    /// Writes a transition's new state. The caller read the row <c>FOR UPDATE</c> in the same transaction, so it is as
    /// read; the guard on status and lease states the rule in the SQL itself.
    /// </summary>
    private const string UpdateSql = """
        UPDATE export_jobs SET
            status = @status, file_path = @file_path, file_size_bytes = @file_size_bytes, row_count = @row_count,
            sha256 = @sha256, export_id = @export_id, error_code = @error_code, error_message = @error_message,
            attempts = @attempts, progress = @progress, cancel_requested = @cancel_requested, lease_owner = @lease_owner,
            lease_expires_at = @lease_expires_at, not_before = @not_before, started_at = @started_at,
            completed_at = @completed_at, expires_at = @expires_at
        WHERE id = @id AND status = @was_status AND lease_owner IS NOT DISTINCT FROM @was_lease_owner
          AND lease_expires_at IS NOT DISTINCT FROM @was_lease_expires_at;
        """;

    private static readonly ExportJobStatements Statements = new(ClaimSql, SelectByIdSql, SelectByTenantAndIdForUpdateSql, UpdateSql);

    /// <inheritdoc />
    /// <remarks>
    /// Atomic across processes and machines: the oldest claimable row is selected <c>FOR UPDATE SKIP LOCKED</c> and
    /// updated in one transaction. A second claimer at the same moment skips the locked row and takes the next one.
    /// </remarks>
    /// <exception cref="InvalidDataException">The row to claim was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public ValueTask<ExportJob?> TryClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        core.TryClaimAsync(workerId, now, lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ExportJob?> RenewAsync(string jobId, string workerId, DateTimeOffset now, TimeSpan lease, long progress, CancellationToken cancellationToken = default) =>
        core.RenewAsync(jobId, workerId, now, lease, progress, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A success's SHA-256 is not 64 lower-case hex digits.</exception>
    public ValueTask<bool> FinishAsync(string jobId, string workerId, ExportJobOutcome outcome, CancellationToken cancellationToken = default) =>
        core.FinishAsync(jobId, workerId, outcome, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ExportJob?> CancelAsync(string tenantId, string jobId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        core.CancelAsync(tenantId, jobId, now, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> MarkExpiredAsync(string jobId, CancellationToken cancellationToken = default) =>
        core.MarkExpiredAsync(jobId, cancellationToken);
}

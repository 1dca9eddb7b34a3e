using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>The store's transitions: each one read, decided and written under the file's write lock.</summary>
public sealed partial class SqliteExportJobStore
{
    // The oldest due job of each kind, each read in order from ix_export_jobs_claim and stopped at the first match,
    // then the older of the two: a long queue is never sorted. Queued jobs wait out their backoff; processing ones are
    // taken over once their lease ran out before now (strictly, as the in-memory store does).
    private const string ClaimSql = $"""
        SELECT {ExportJobRows.Columns} FROM (
            SELECT * FROM (
                SELECT * FROM export_jobs WHERE status = 'queued' AND (not_before IS NULL OR not_before <= @now)
                ORDER BY created_at, id LIMIT 1)
            UNION ALL
            SELECT * FROM (
                SELECT * FROM export_jobs WHERE status = 'processing' AND lease_expires_at < @now
                ORDER BY created_at, id LIMIT 1))
        ORDER BY created_at, id LIMIT 1;
        """;

    private const string SelectByIdSql = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE id = @id;";

    private const string SelectByTenantAndIdSql = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE tenant_id = @tenant_id AND id = @id;";

    /// <summary>
    /// Writes a transition's new state, only if the row is still in the state it was read in (status and lease): the
    /// store reads and writes under one write lock, so this never misses; the guard states the rule in the SQL itself.
    /// </summary>
    private const string UpdateSql = """
        UPDATE export_jobs SET
            status = @status, file_path = @file_path, file_size_bytes = @file_size_bytes, row_count = @row_count,
            sha256 = @sha256, export_id = @export_id, error_code = @error_code, error_message = @error_message,
            attempts = @attempts, progress = @progress, cancel_requested = @cancel_requested, lease_owner = @lease_owner,
            lease_expires_at = @lease_expires_at, not_before = @not_before, started_at = @started_at,
            completed_at = @completed_at, expires_at = @expires_at
        WHERE id = @id AND status = @was_status AND lease_owner IS @was_lease_owner AND lease_expires_at IS @was_lease_expires_at;
        """;

    private static readonly ExportJobStatements Statements = new(ClaimSql, SelectByIdSql, SelectByTenantAndIdSql, UpdateSql);

    /// <inheritdoc />
    /// <remarks>
    /// Atomic across processes: the oldest claimable row is selected and updated in one <c>BEGIN IMMEDIATE</c>
    /// transaction, and the update is guarded on the status and lease it was read with. A second claimer waits for the
    /// write lock (up to 30 seconds) and then sees the job already processing under a live lease.
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

    /// <summary>
    /// <c>BEGIN IMMEDIATE</c>: the write lock is taken before the read, so no other connection — of this process or
    /// another — changes the row between a transition's read and its write.
    /// </summary>
    private static ValueTask<DbTransaction> BeginImmediate(DbConnection connection, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
#pragma warning disable CA1849 // BeginTransactionAsync has no "deferred" parameter, and BEGIN IMMEDIATE needs it; Microsoft.Data.Sqlite runs it synchronously either way.
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
#pragma warning restore CA1849
    }
}

using ExportKit.Jobs;
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

    /// <inheritdoc />
    /// <remarks>
    /// Atomic across processes: the oldest claimable row is selected and updated in one <c>BEGIN IMMEDIATE</c>
    /// transaction, and the update is guarded on the status and lease it was read with. A second claimer waits for the
    /// write lock (up to 30 seconds) and then sees the job already processing under a live lease.
    /// </remarks>
    /// <exception cref="InvalidDataException">The row to claim was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public async ValueTask<ExportJob?> TryClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var (_, claimed) = await ChangeAsync(
            command =>
            {
                command.CommandText = ClaimSql;
                command.Parameters.Add("@now", SqliteInstants.Format(now));
            },
            job => ExportJobChanges.Claimed(job, workerId, now, lease),
            cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <inheritdoc />
    public async ValueTask<ExportJob?> RenewAsync(string jobId, string workerId, DateTimeOffset now, TimeSpan lease, long progress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(progress);
        var (_, renewed) = await ChangeAsync(
            ById(jobId),
            job => ExportJobChecks.IsHeldBy(job, workerId) ? ExportJobChanges.Renewed(job, now, lease, progress) : null,
            cancellationToken).ConfigureAwait(false);
        return renewed;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A success's SHA-256 is not 64 lower-case hex digits.</exception>
    public async ValueTask<bool> FinishAsync(string jobId, string workerId, ExportJobOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Sha256 is { } sha256 && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)))
        {
            throw new ArgumentException($"The SHA-256 '{SqliteRowDecoder.Shorten(sha256)}' is not 64 lower-case hex digits: give Convert.ToHexStringLower of the file's hash.", nameof(outcome));
        }

        var (_, finished) = await ChangeAsync(
            ById(jobId),
            job => ExportJobChecks.IsHeldBy(job, workerId) ? ExportJobChanges.Finished(job, outcome) : null,
            cancellationToken).ConfigureAwait(false);
        return finished is not null;
    }

    /// <inheritdoc />
    public async ValueTask<ExportJob?> CancelAsync(string tenantId, string jobId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var (found, after) = await ChangeAsync(
            command =>
            {
                command.CommandText = SelectByTenantAndIdSql;
                command.Parameters.Add("@tenant_id", tenantId);
                command.Parameters.Add("@id", jobId);
            },
            job => ExportJobChanges.CancelAsked(job, now),
            cancellationToken).ConfigureAwait(false);

        // The guard cannot miss under the write lock; should it, the job as it was read is still the honest answer.
        return after ?? found;
    }

    /// <inheritdoc />
    public async ValueTask<bool> MarkExpiredAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var (_, expired) = await ChangeAsync(
            ById(jobId),
            job => job.Status switch
            {
                ExportJobStatus.Expired => job,
                ExportJobStatus.Success => ExportJobChanges.Expired(job),
                _ => null,
            },
            cancellationToken).ConfigureAwait(false);
        return expired is not null;
    }

    private static Action<SqliteCommand> ById(string jobId) => command =>
    {
        command.CommandText = SelectByIdSql;
        command.Parameters.Add("@id", jobId);
    };

    /// <summary>
    /// Reads one job and writes the state <paramref name="change"/> gives it, in one <c>BEGIN IMMEDIATE</c> transaction:
    /// the write lock is taken before the read, so no other connection — of this process or another — changes the row
    /// in between. <paramref name="change"/> returns <see langword="null"/> to refuse, or the job itself to leave it.
    /// </summary>
    /// <returns>The job as read (or <see langword="null"/> when none), and as it is now (or <see langword="null"/> when refused).</returns>
    private async Task<(ExportJob? Found, ExportJob? After)> ChangeAsync(
        Action<SqliteCommand> select, Func<ExportJob, ExportJob?> change, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
#pragma warning disable CA1849 // BeginTransactionAsync has no "deferred" parameter, and BEGIN IMMEDIATE needs it; Microsoft.Data.Sqlite runs it synchronously either way.
            var transaction = connection.BeginTransaction(deferred: false);
#pragma warning restore CA1849
            await using (transaction.ConfigureAwait(false))
            {
                ExportJob? found;
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    select(command);
                    found = await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
                }

                var after = found is null ? null : change(found);
                if (found is null || after is null || ReferenceEquals(after, found))
                {
                    return (found, after);
                }

                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = ExportJobRows.Update;
                ExportJobRows.AddUpdateParameters(update.Parameters, found, after);
                var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (found, changed == 1 ? after : null);
            }
        }
    }
}

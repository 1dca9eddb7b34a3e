using ExportKit.Jobs;
using Npgsql;

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

    private const string SelectByTenantAndIdSql = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE tenant_id = @tenant_id AND id = @id;";

    private const string SelectByTenantAndIdForUpdateSql = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE tenant_id = @tenant_id AND id = @id FOR UPDATE;";

    /// <inheritdoc />
    /// <remarks>
    /// Atomic across processes and machines: the oldest claimable row is selected <c>FOR UPDATE SKIP LOCKED</c> and
    /// updated in one transaction. A second claimer at the same moment skips the locked row and takes the next one.
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
                command.Parameters.AddText("now", PostgreSqlInstants.Format(now));
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
            throw new ArgumentException($"The SHA-256 '{PostgreSqlRowDecoder.Shorten(sha256)}' is not 64 lower-case hex digits: give Convert.ToHexStringLower of the file's hash.", nameof(outcome));
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
                command.CommandText = SelectByTenantAndIdForUpdateSql;
                command.Parameters.AddText("tenant_id", tenantId);
                command.Parameters.AddText("id", jobId);
            },
            job => ExportJobChanges.CancelAsked(job, now),
            cancellationToken).ConfigureAwait(false);

        // The guard cannot miss under the row lock; should it, the job as it was read is still the honest answer.
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

    private static Action<NpgsqlCommand> ById(string jobId) => command =>
    {
        command.CommandText = SelectByIdSql;
        command.Parameters.AddText("id", jobId);
    };

    /// <summary>
    /// Reads one job locked and writes the state <paramref name="change"/> gives it, in one transaction: no other
    /// connection — of this process or another machine — changes the row in between, and a connection lost before the
    /// commit leaves the row as it was. <paramref name="change"/> returns <see langword="null"/> to refuse, or the job
    /// itself to leave it.
    /// </summary>
    /// <returns>The job as read (or <see langword="null"/> when none), and as it is now (or <see langword="null"/> when refused).</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The select is one of this class's constant SQL texts; every value goes in as a parameter.")]
    private async Task<(ExportJob? Found, ExportJob? After)> ChangeAsync(
        Action<NpgsqlCommand> select, Func<ExportJob, ExportJob?> change, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                ExportJob? found = null;
                using (var command = new NpgsqlCommand(null, connection, transaction))
                {
                    select(command);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            found = ExportJobRows.Read(reader);
                        }
                    }
                }

                var after = found is null ? null : change(found);
                if (found is null || after is null || ReferenceEquals(after, found))
                {
                    return (found, after);
                }

                using var update = new NpgsqlCommand(ExportJobRows.Update, connection, transaction);
                ExportJobRows.AddUpdateParameters(update.Parameters, found, after);
                var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (found, changed == 1 ? after : null);
            }
        }
    }
}

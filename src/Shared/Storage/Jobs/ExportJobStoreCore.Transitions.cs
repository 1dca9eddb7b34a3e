using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using ExportKit.Jobs;

namespace ExportKit.Storage;

/// <summary>
/// The transitions — claim, heartbeat, finish, cancel, expiry: each one reads its row and writes the new state the
/// shared rules give it (<see cref="ExportJobChanges"/>) in one transaction. How the row is held between the read and
/// the write is the provider's: its <see cref="ExportJobStatements"/> and the transaction <c>begin</c> starts
/// (SQLite's <c>BEGIN IMMEDIATE</c> takes the write lock first; PostgreSQL selects the row <c>FOR UPDATE</c>).
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Every SQL text is one of the provider's constant statements; every value goes in as a parameter.")]
internal sealed partial class ExportJobStoreCore
{
    public async ValueTask<ExportJob?> TryClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var (_, claimed) = await ChangeAsync(
            command =>
            {
                command.CommandText = sql.Claim;
                bind.AddInstant(command.Parameters, "now", now);
            },
            job => ExportJobChanges.Claimed(job, workerId, now, lease),
            cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    public async ValueTask<ExportJob?> RenewAsync(string jobId, string workerId, DateTimeOffset now, TimeSpan lease, long progress, CancellationToken cancellationToken)
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

    public async ValueTask<bool> FinishAsync(string jobId, string workerId, ExportJobOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Sha256 is { } sha256 && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)))
        {
            throw new ArgumentException($"The SHA-256 '{StoreRowDecoder.Shorten(sha256)}' is not 64 lower-case hex digits: give Convert.ToHexStringLower of the file's hash.", nameof(outcome));
        }

        var (_, finished) = await ChangeAsync(
            ById(jobId),
            job => ExportJobChecks.IsHeldBy(job, workerId) ? ExportJobChanges.Finished(job, outcome) : null,
            cancellationToken).ConfigureAwait(false);
        return finished is not null;
    }

    public async ValueTask<ExportJob?> CancelAsync(string tenantId, string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var (found, after) = await ChangeAsync(
            command =>
            {
                command.CommandText = sql.SelectByTenantAndId;
                bind.AddText(command.Parameters, "tenant_id", tenantId);
                bind.AddText(command.Parameters, "id", jobId);
            },
            job => ExportJobChanges.CancelAsked(job, now),
            cancellationToken).ConfigureAwait(false);

        // The guard cannot miss while the row is held; should it, the job as it was read is still the honest answer.
        return after ?? found;
    }

    public async ValueTask<bool> MarkExpiredAsync(string jobId, CancellationToken cancellationToken)
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

    private Action<DbCommand> ById(string jobId) => command =>
    {
        command.CommandText = sql.SelectById;
        bind.AddText(command.Parameters, "id", jobId);
    };

    /// <summary>
    /// Reads one job and writes the state <paramref name="change"/> gives it, in one transaction that holds the row from
    /// the read to the commit, so no other connection — of this process or another — changes it in between, and a
    /// connection lost before the commit leaves it as it was. <paramref name="change"/> returns <see langword="null"/>
    /// to refuse, or the job itself to leave it.
    /// </summary>
    /// <returns>The job as read (or <see langword="null"/> when none), and as it is now (or <see langword="null"/> when refused).</returns>
    private async Task<(ExportJob? Found, ExportJob? After)> ChangeAsync(
        Action<DbCommand> select, Func<ExportJob, ExportJob?> change, CancellationToken cancellationToken)
    {
        var connection = await open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await begin(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                ExportJob? found;
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    select(command);
                    found = await StoreReads.ReadFirstAsync(command, Read, cancellationToken).ConfigureAwait(false);
                }

                var after = found is null ? null : change(found);
                if (found is null || after is null || ReferenceEquals(after, found))
                {
                    return (found, after);
                }

                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = sql.Update;
                ExportJobRows.AddUpdateParameters(bind, update.Parameters, found, after);
                var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (found, changed == 1 ? after : null);
            }
        }
    }
}

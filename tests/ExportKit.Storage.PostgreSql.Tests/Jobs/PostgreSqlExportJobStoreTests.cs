using ExportKit.Storage.Contracts;
using ExportKit.Testing;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Jobs;

/// <summary>What the PostgreSQL job store does beyond the contract: a lost connection, the database's own rules, the indexes.</summary>
public sealed class PostgreSqlExportJobStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;

    private TestDatabase Database => database!;

    public void Dispose() => database?.Dispose();

    [PostgresFact]
    public async Task A_connection_lost_while_finishing_records_nothing_and_the_job_is_taken_over_after_its_lease()
    {
        var store = new PostgreSqlExportJobStore(Database.ConnectionString);
        await store.AddAsync(ExportJobStoreContract.Job(1));
        Assert.NotNull(await store.TryClaimAsync("worker-a", Now, Lease));

        // Hold the row, so that worker-a's finish waits inside its transaction; then cut worker-a's connection there.
        await using (var blocker = Database.Open())
        {
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM export_jobs WHERE id = 'job_0001' FOR UPDATE;", blocker, transaction))
            {
                await lockRow.ExecuteNonQueryAsync();
            }

            var finishing = store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Failed(Now.AddSeconds(5), "job-failed", "boom")).AsTask();
            await Task.Delay(200);
            Assert.False(finishing.IsCompleted, finishing.Exception?.ToString());
            await TerminateBackendBlockedBy(blocker);
            await Assert.ThrowsAnyAsync<Exception>(() => finishing);
            await transaction.RollbackAsync();
        }

        var job = await store.FindAsync("acme", "job_0001");
        Assert.Equal((ExportJobStatus.Processing, "worker-a", (string?)null), (job!.Status, job.LeaseOwner, job.ErrorCode));
        Assert.Null(await store.TryClaimAsync("worker-b", Now + Lease, Lease));
        var takenOver = await store.TryClaimAsync("worker-b", Now + Lease + TimeSpan.FromTicks(1), Lease);
        Assert.Equal(("job_0001", "worker-b", 2), (takenOver!.Id, takenOver.LeaseOwner, takenOver.Attempts));
        Assert.False(await store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Failed(Now, "job-failed", "late")));
    }

    [PostgresFact]
    public async Task The_database_refuses_to_delete_a_job_or_change_its_identity()
    {
        var store = new PostgreSqlExportJobStore(Database.ConnectionString);
        await store.AddAsync(ExportJobStoreContract.Job(1));

        foreach (var sql in new[]
        {
            "DELETE FROM export_jobs;",
            "TRUNCATE export_jobs;",
            "UPDATE export_jobs SET tenant_id = 'globex';",
            "UPDATE export_jobs SET filters_json = '{}';",
        })
        {
            var error = Assert.Throws<PostgresException>(() => Database.ExecuteInSchema(sql));
            Assert.Equal(PostgresErrorCodes.RestrictViolation, error.SqlState);
            Assert.Contains("export_jobs keeps every job", error.MessageText, StringComparison.Ordinal);
        }

        var lease = Assert.Throws<PostgresException>(() => Database.ExecuteInSchema("UPDATE export_jobs SET status = 'processing';"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, lease.SqlState);
        Assert.Equal(ExportJobStatus.Queued, (await store.FindAsync("acme", "job_0001"))!.Status);
    }

    [PostgresFact]
    public async Task The_claim_and_the_listing_filters_are_indexed()
    {
        await new PostgreSqlExportJobStore(Database.ConnectionString).FindAsync("acme", "job_0001");

        var indexes = Database.Strings("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'export_jobs';");

        Assert.Contains(indexes, i => i.Contains("(created_at, id) WHERE (status = 'queued'", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(lease_expires_at) WHERE (status = 'processing'", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(tenant_id, created_at DESC, id DESC)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(tenant_id, user_id, created_at DESC, id DESC)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(expires_at, id) WHERE (status = 'success'", StringComparison.Ordinal));
    }

    private static async Task TerminateBackendBlockedBy(NpgsqlConnection blocker)
    {
        for (var i = 0; i < 200; i++)
        {
            // pg_stat_activity is a snapshot per transaction: clear it, or a backend that connected since is never seen.
            await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot();", blocker))
            {
                await clear.ExecuteNonQueryAsync();
            }

            await using var command = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid));", blocker);
            if (await command.ExecuteScalarAsync() is true)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("The finish never waited on the locked row.");
    }
}

using ExportKit.Storage.Contracts;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Jobs;

/// <summary>The <c>export_jobs</c> table itself keeps every job and refuses malformed values, whoever connects to the file.</summary>
public sealed class ExportJobsTableTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Theory]
    [InlineData("DELETE FROM export_jobs;", "export_jobs keeps every job: records are never deleted")]
    [InlineData("DELETE FROM export_jobs WHERE status = 'success';", "export_jobs keeps every job: records are never deleted")]
    [InlineData("INSERT OR REPLACE INTO export_jobs SELECT * FROM export_jobs;", "export_jobs keeps every job: the job id is already stored")]
    [InlineData("UPDATE export_jobs SET tenant_id = 'globex';", "its id, kind, tenant, user, filters and creation time never change")]
    [InlineData("UPDATE export_jobs SET id = 'job_9999' WHERE id = 'job_0001';", "its id, kind, tenant, user, filters and creation time never change")]
    [InlineData("UPDATE export_jobs SET filters_json = '{}';", "its id, kind, tenant, user, filters and creation time never change")]
    public async Task Deleting_replacing_or_reassigning_a_job_is_refused_by_the_database(string sql, string message)
    {
        await SeedAsync();

        var error = Assert.Throws<SqliteException>(() => database.Scalar(sql));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, database.Scalar("SELECT count(*) FROM export_jobs WHERE tenant_id = 'acme' AND id IN ('job_0001', 'job_0002');"));
    }

    [Theory]
    [InlineData("status = 'done'", "CHECK constraint failed")]
    [InlineData("kind = 'csv'", "CHECK constraint failed")]
    [InlineData("sha256 = upper(sha256)", "CHECK constraint failed")]
    [InlineData("filters_json = '{'", "CHECK constraint failed")]
    [InlineData("created_at = '2026-03-01'", "CHECK constraint failed")]
    [InlineData("not_before = '2026-03-01 12:00'", "CHECK constraint failed")]
    [InlineData("attempts = -1", "CHECK constraint failed")]
    [InlineData("progress = -1", "CHECK constraint failed")]
    [InlineData("cancel_requested = 2", "CHECK constraint failed")]
    [InlineData("status = 'processing'", "CHECK constraint failed")]
    [InlineData("lease_owner = 'w'", "CHECK constraint failed")]
    [InlineData("file_size_bytes = 'big'", "cannot store TEXT value in INTEGER column export_jobs.file_size_bytes")]
    [InlineData("user_id = X'61'", "cannot store BLOB value in TEXT column export_jobs.user_id")]
    [InlineData("lease_expires_at = '2026-03-01T12:00:00.0000000Z'", "CHECK constraint failed")]
    public async Task The_database_refuses_a_malformed_value_even_without_the_triggers(string assignment, string message)
    {
        await SeedAsync();

        var error = Assert.Throws<SqliteException>(() => database.Scalar($"DROP TRIGGER export_jobs_same_identity; UPDATE export_jobs SET {assignment} WHERE id = 'job_0001';"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_whose_filters_are_not_json_is_refused_with_an_argument_error_and_not_stored()
    {
        var store = new SqliteExportJobStore(database.ConnectionString);
        var job = ExportJobStoreContract.Job(1);
        var bad = new ExportJob { Id = job.Id, Kind = job.Kind, TenantId = job.TenantId, UserId = job.UserId, Status = job.Status, FiltersJson = "severity=error", CreatedAt = job.CreatedAt };

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await store.AddAsync(bad));

        Assert.Contains("filters are not JSON", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("acme", "job_0001"));
    }

    [Fact]
    public async Task An_upper_case_checksum_is_refused_and_the_worker_still_holds_the_job()
    {
        var store = new SqliteExportJobStore(database.ConnectionString);
        await store.AddAsync(ExportJobStoreContract.Job(1));
        await store.TryClaimAsync("worker-a", ExportJobStoreContract.Job(1).CreatedAt, TimeSpan.FromMinutes(5));

        // Refused when the outcome is made, so no store ever sees it.
        Assert.Throws<ArgumentException>("sha256", () => ExportJobOutcome.Succeeded(TestClockNow, "f.csv", 1, 1, new string('A', 64), TestClockNow.AddDays(1)));

        Assert.Equal(("worker-a", ExportJobStatus.Processing), ((await store.FindAsync("acme", "job_0001"))!.LeaseOwner, (await store.FindAsync("acme", "job_0001"))!.Status));
    }

    [Theory]
    [InlineData("SELECT * FROM export_jobs WHERE status = 'queued' AND (not_before IS NULL OR not_before <= '2026-03-01T12:00:00.0000000Z') ORDER BY created_at, id LIMIT 1;", "ix_export_jobs_claim")]
    [InlineData("SELECT * FROM export_jobs WHERE status = 'processing' AND lease_expires_at < '2026-03-01T12:00:00.0000000Z' ORDER BY created_at, id LIMIT 1;", "ix_export_jobs_claim")]
    [InlineData("SELECT * FROM export_jobs WHERE tenant_id = 'acme' ORDER BY created_at DESC, id DESC LIMIT 50;", "ix_export_jobs_tenant_created_at")]
    [InlineData("SELECT * FROM export_jobs WHERE tenant_id = 'acme' AND user_id = 'lee' ORDER BY created_at DESC, id DESC LIMIT 50;", "ix_export_jobs_tenant_user_created_at")]
    [InlineData("SELECT * FROM export_jobs WHERE status = 'success' AND expires_at <= '2026-03-01T12:00:00.0000000Z' ORDER BY expires_at, id LIMIT 50;", "ix_export_jobs_expiry")]
    public async Task The_claim_the_listings_and_the_expiry_read_an_index_in_order_without_sorting(string query, string index)
    {
        await SeedAsync();

        var plan = string.Join(" | ", Plan(query));

        Assert.Contains("USING INDEX " + index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private static DateTimeOffset TestClockNow => ExportKit.Testing.TestClock.Now;

    private List<string> Plan(string query)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private async Task SeedAsync()
    {
        var store = new SqliteExportJobStore(database.ConnectionString);
        await store.AddAsync(ExportJobStoreContract.Job(1));
        await store.AddAsync(ExportJobStoreContract.Job(2));
        var claimed = await store.TryClaimAsync("worker-a", TestClockNow.AddDays(1), TimeSpan.FromMinutes(5));
        await store.FinishAsync(claimed!.Id, "worker-a", ExportJobOutcome.Succeeded(TestClockNow.AddDays(1), "f.csv", 1, 1, new string('a', 64), TestClockNow.AddDays(2)));
    }
}

using ExportKit.Storage.Contracts;

namespace ExportKit.Storage.Sqlite.Tests.Jobs;

/// <summary>A job row written behind the API (CHECK constraints ignored) is named when read back: table, id and column.</summary>
public sealed class MalformedExportJobTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Theory]
    [InlineData("status = 'done'", "column status: 'done' is not queued")]
    [InlineData("kind = 'CSV'", "column kind: 'CSV' is not audit-csv or bundle")]
    [InlineData("created_at = 'yesterday'", "column created_at")]
    [InlineData("not_before = '2026-03-01 12:00:00'", "column not_before")]
    [InlineData("filters_json = '{'", "column filters_json: not valid JSON")]
    [InlineData("sha256 = 'ABC'", "column sha256")]
    [InlineData("attempts = -1", "column attempts")]
    [InlineData("progress = -5", "column progress: negative")]
    [InlineData("cancel_requested = 7", "column cancel_requested")]
    [InlineData("user_id = ''", "column user_id: blank")]
    [InlineData("status = 'processing'", "column lease_owner: no lease on a processing job")]
    [InlineData("lease_owner = 'ghost'", "column lease_owner: a lease on a job that is not processing")]
    public async Task A_malformed_job_read_back_names_the_table_the_id_and_the_column(string assignment, string column)
    {
        var store = new SqliteExportJobStore(database.ConnectionString);
        await store.AddAsync(ExportJobStoreContract.Job(1));
        database.ExecuteBehindTheApi($"DROP TRIGGER export_jobs_same_identity; UPDATE export_jobs SET {assignment} WHERE id = 'job_0001';");

        var find = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.FindAsync("acme", "job_0001"));
        var list = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.ListAsync("acme", null, 50, 0).ToListAsync());
        var cancel = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.CancelAsync("acme", "job_0001", ExportKit.Testing.TestClock.Now));

        foreach (var error in new[] { find, list, cancel })
        {
            Assert.Contains("export_jobs row with id job_0001 is malformed", error.Message, StringComparison.Ordinal);
            Assert.Contains(column, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_malformed_job_is_not_claimed_and_the_claim_names_it()
    {
        var store = new SqliteExportJobStore(database.ConnectionString);
        await store.AddAsync(ExportJobStoreContract.Job(1));
        database.ExecuteBehindTheApi("DROP TRIGGER export_jobs_same_identity; UPDATE export_jobs SET filters_json = 'nope' WHERE id = 'job_0001';");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.TryClaimAsync("worker-a", ExportKit.Testing.TestClock.Now.AddDays(1), TimeSpan.FromMinutes(5)));

        Assert.Contains("export_jobs row with id job_0001 is malformed: column filters_json", error.Message, StringComparison.Ordinal);
        Assert.Equal("queued", database.Scalar("SELECT status FROM export_jobs WHERE id = 'job_0001';"));
        Assert.Equal(0L, database.Scalar("SELECT attempts FROM export_jobs WHERE id = 'job_0001';"));
    }

    [Fact]
    public async Task A_blob_is_named_when_strict_is_removed()
    {
        var store = new SqliteExportJobStore(database.ConnectionString);
        await store.AddAsync(ExportJobStoreContract.Job(1));
        database.RemoveStrict("export_jobs");
        database.ExecuteBehindTheApi("UPDATE export_jobs SET error_message = CAST('x' AS BLOB);");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.FindAsync("acme", "job_0001"));

        Assert.Contains("export_jobs row with id job_0001 is malformed: column error_message: a BLOB", error.Message, StringComparison.Ordinal);
    }
}

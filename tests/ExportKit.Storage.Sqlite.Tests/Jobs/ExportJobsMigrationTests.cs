using ExportJobStoreContract = ExportKit.Storage.Contracts.ExportJobStoreContract;
using ExportKit.Storage.Sqlite.Tests.Auditing;
using ExportKit.Storage.Sqlite.Tests.Registry;
using ExportKit.Storage.Sqlite.Tests.Schema;
using ExportKit.Testing;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Jobs;

/// <summary>Schema step 3 adds <c>export_jobs</c> to a database made by 0.2 (built here with 0.2's DDL), every old row kept.</summary>
public sealed class ExportJobsMigrationTests : IDisposable
{
    private readonly TempDatabase source = new();
    private readonly TempDatabase old = new();

    public void Dispose()
    {
        source.Dispose();
        old.Dispose();
    }

    /// <summary>A 0.2 database holding rows exactly as the stores write them (made through the stores elsewhere, then copied).</summary>
    private async Task CreateVersion2DatabaseAsync()
    {
        using (var appender = new SqliteAuditEventStore(source.ConnectionString))
        {
            await appender.TryAppendAsync(AuditEvents.Full(1));
        }
        await new SqliteExportLogStore(source.ConnectionString).AppendAsync(
            new ExportDownloadedEntry { Timestamp = TestClock.Now, TenantId = "acme", BundleId = "b", Format = "json", FileName = "b.json", SizeBytes = 1, DownloadedBy = "u" });
        await new SqliteExportRegistry(source.ConnectionString).AddAsync(ExportRecords.Create("exp_1"));
        source.ClosePool();

        using var connection = old.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            {SchemaV2.Sql}
            ATTACH DATABASE '{source.Path}' AS source;
            INSERT INTO export_log SELECT * FROM source.export_log;
            INSERT INTO audit_events SELECT * FROM source.audit_events;
            INSERT INTO exports SELECT * FROM source.exports;
            DETACH DATABASE source;
            """;
        command.ExecuteNonQuery();
        SqliteConnection.ClearPool(connection);
    }

    [Fact]
    public async Task A_version_2_database_gets_the_jobs_table_on_first_use_of_the_job_store_with_every_old_row_kept()
    {
        await CreateVersion2DatabaseAsync();
        Assert.Equal(0L, old.Scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'export_jobs';"));

        var jobs = new SqliteExportJobStore(old.ConnectionString);
        await jobs.AddAsync(ExportJobStoreContract.Job(1));

        Assert.Equal(6L, old.Scalar("SELECT max(version) FROM schema_version;"));
        Assert.Equal(6L, old.Scalar("SELECT count(*) FROM schema_version;"));
        Assert.Equal(1L, old.Scalar("SELECT strict FROM pragma_table_list WHERE name = 'export_jobs';"));
        Assert.Equal(3L, old.Scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'export_jobs';"));
        Assert.Equal(4L, old.Scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'export_jobs' AND name LIKE 'ix_%';"));
        Assert.Equal("job_0001", (await jobs.FindAsync("acme", "job_0001"))!.Id);
        using var audit = new SqliteAuditEventStore(old.ConnectionString);
        Assert.Equal(AuditEvents.Full(1).Id, (await audit.GetLastAsync())!.Id);
        Assert.Single(await new SqliteExportLogStore(old.ConnectionString).ReadAsync().ToListAsync());
        ExportRecords.AssertSame(ExportRecords.Create("exp_1"), await new SqliteExportRegistry(old.ConnectionString).FindAsync("acme", "exp_1"));
    }

    [Fact]
    public async Task Another_store_opening_the_version_2_database_first_migrates_it_and_the_job_store_then_applies_nothing_again()
    {
        await CreateVersion2DatabaseAsync();

        await new SqliteExportRegistry(old.ConnectionString).ListAsync("acme").ToListAsync();
        old.ClosePool();
        await new SqliteExportJobStore(old.ConnectionString).AddAsync(ExportJobStoreContract.Job(1));

        Assert.Equal(6L, old.Scalar("SELECT count(*) FROM schema_version;"));
        Assert.Equal(1L, old.Scalar("SELECT count(*) FROM export_jobs;"));
        Assert.Equal(
            "export jobs: a strict table the job store updates under leases, never deleted",
            old.Scalar("SELECT description FROM schema_version WHERE version = 3;"));
    }
}

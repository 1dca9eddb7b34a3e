using ExportKit.Storage.Sqlite.Tests.Auditing;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Schema;

public sealed class SchemaTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task The_schema_is_created_on_first_use_not_before()
    {
        var store = new SqliteExportLogStore(database.ConnectionString);
        Assert.False(File.Exists(database.Path));

        await store.ReadAsync().ToListAsync();

        Assert.True(File.Exists(database.Path));
        Assert.Equal(6L, database.Scalar("SELECT max(version) FROM schema_version;"));
        foreach (var table in new[] { "export_log", "audit_events", "exports", "export_jobs" })
        {
            Assert.Equal(1L, database.Scalar($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';"));
            Assert.Equal(3L, database.Scalar($"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{table}';"));
        }
    }

    [Fact]
    public async Task Opening_the_same_file_again_applies_no_step_twice()
    {
        using (var appender = new SqliteAuditEventStore(database.ConnectionString))
        {
            await appender.TryAppendAsync(AuditEvents.Minimal(1));
        }
        database.ClosePool();

        await new SqliteExportRegistry(database.ConnectionString).ListAsync("acme").ToListAsync();
        using (var appender = new SqliteAuditEventStore(database.ConnectionString))
        {
            await appender.GetLastAsync();
        }

        Assert.Equal(6L, database.Scalar("SELECT count(*) FROM schema_version;"));
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM audit_events;"));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        await new SqliteExportRegistry(database.ConnectionString).ListAsync("acme").ToListAsync();

        Assert.Equal("wal", database.Scalar("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task The_filters_have_indexes()
    {
        await new SqliteExportRegistry(database.ConnectionString).ListAsync("acme").ToListAsync();

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM audit_events WHERE tenant_id = 'acme' AND severity = 'info';";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Contains("USING INDEX ix_audit_events_tenant_severity", reader.GetString(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_message_that_says_what_to_do()
    {
        await new SqliteExportLogStore(database.ConnectionString).ReadAsync().ToListAsync();
        database.Scalar("INSERT INTO schema_version (version, description) VALUES (99, 'from the future');");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await new SqliteExportLogStore(database.ConnectionString).ReadAsync().ToListAsync());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade the package", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    [InlineData("Mode=ReadOnly;Data Source=exportkit.db")]
    [InlineData("")]
    public void A_connection_string_without_a_writable_file_is_refused(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SqliteAuditEventStore(connectionString));
    }
}

using ExportKit.Storage.Sqlite.Tests.Auditing;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Schema;

/// <summary>The database itself refuses to change or remove what the stores appended, whoever connects to it.</summary>
public sealed class AppendOnlyTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Theory]
    [InlineData("UPDATE audit_events SET severity = 'info';", "audit_events is append-only")]
    [InlineData("DELETE FROM audit_events;", "audit_events is append-only")]
    [InlineData("UPDATE export_log SET tenant_id = 'globex';", "export_log is append-only")]
    [InlineData("DELETE FROM export_log;", "export_log is append-only")]
    [InlineData("UPDATE exports SET sha256 = '00';", "exports is append-only")]
    [InlineData("DELETE FROM exports;", "exports is append-only")]
    [InlineData("INSERT OR REPLACE INTO audit_events SELECT * FROM audit_events;", "audit_events is append-only")]
    [InlineData("INSERT OR REPLACE INTO export_log SELECT * FROM export_log;", "export_log is append-only")]
    [InlineData("INSERT OR REPLACE INTO exports SELECT * FROM exports;", "exports is append-only")]
    public async Task Updates_and_deletes_are_refused_by_the_database(string sql, string message)
    {
        await SeedAsync();

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM audit_events;"));
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM export_log;"));
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM exports;"));
    }

    private async Task SeedAsync()
    {
        using (var appender = new SqliteAuditEventStore(database.ConnectionString))
        {
            await appender.TryAppendAsync(AuditEvents.Full(1));
        }
        await new SqliteExportLogStore(database.ConnectionString).AppendAsync(
            new ExportDownloadedEntry { Timestamp = AuditEvents.Start, TenantId = "acme", BundleId = "b", Format = "json", FileName = "b.json", SizeBytes = 1, DownloadedBy = "u" });
        await new SqliteExportRegistry(database.ConnectionString).AddAsync(Registry.ExportRecords.Create("exp_1"));
    }
}

using ExportKit.Storage.Sqlite.Tests.Auditing;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Log;

/// <summary>An export log row written behind the API is named when read back, and the database refuses to store one.</summary>
public sealed class MalformedExportLogRowTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private static ExportDownloadedEntry Entry() => new()
    {
        Timestamp = AuditEvents.Start, TenantId = "acme", BundleId = "b", Format = "json", FileName = "b.json", SizeBytes = 1, DownloadedBy = "u",
    };

    [Theory]
    [InlineData("json = '{\"entryType\":\"nonsense\"}'")]
    [InlineData("json = '{\"entryType\":\"export-downloaded\",\"sizeBytes\":\"many\"}'")]
    [InlineData("json = 'null'")]
    [InlineData("json = '{'")]
    public async Task A_malformed_entry_read_back_names_the_table_and_the_row(string assignment)
    {
        var store = new SqliteExportLogStore(database.ConnectionString);
        await store.AppendAsync(Entry());
        await store.AppendAsync(Entry());
        database.ExecuteBehindTheApi($"UPDATE export_log SET {assignment} WHERE id = 2;");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.ReadAsync().ToListAsync());

        Assert.Contains("export_log row 2 is malformed: column json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json = 'not json'", "CHECK constraint failed")]
    [InlineData("json = '[1]'", "CHECK constraint failed")]
    [InlineData("timestamp = 'now'", "CHECK constraint failed")]
    [InlineData("entry_type = 'export-deleted'", "CHECK constraint failed")]
    [InlineData("json = X'7b7d'", "cannot store BLOB value in TEXT column export_log.json")]
    public async Task The_database_refuses_a_malformed_value_even_without_the_triggers(string assignment, string message)
    {
        await new SqliteExportLogStore(database.ConnectionString).AppendAsync(Entry());

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP TRIGGER export_log_no_update; UPDATE export_log SET {assignment};";
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

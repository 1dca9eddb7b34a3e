using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Registry;

/// <summary>A registry row written behind the API is named when read back, and the database refuses to store one.</summary>
public sealed class MalformedExportRecordTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Theory]
    [InlineData("created_at = 'yesterday'", "column created_at")]
    [InlineData("sections_json = '{'", "column sections_json")]
    [InlineData("size_bytes = -1", "column size_bytes")]
    [InlineData("bundle_id = ''", "column bundle_id")]
    public async Task A_malformed_record_read_back_names_the_table_the_export_and_the_column(string assignment, string column)
    {
        var registry = new SqliteExportRegistry(database.ConnectionString);
        await registry.AddAsync(ExportRecords.Create("exp_1"));
        database.ExecuteBehindTheApi($"UPDATE exports SET {assignment} WHERE export_id = 'exp_1';");

        var find = await Assert.ThrowsAsync<InvalidDataException>(async () => await registry.FindAsync("acme", "exp_1"));
        var list = await Assert.ThrowsAsync<InvalidDataException>(async () => await registry.ListAsync("acme").ToListAsync());

        foreach (var error in new[] { find, list })
        {
            Assert.Contains("exports row with export id exp_1 is malformed", error.Message, StringComparison.Ordinal);
            Assert.Contains(column, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_blob_export_id_is_named_when_strict_is_removed()
    {
        var registry = new SqliteExportRegistry(database.ConnectionString);
        await registry.AddAsync(ExportRecords.Create("exp_1"));
        database.RemoveStrict("exports");
        database.ExecuteBehindTheApi("UPDATE exports SET sha256 = CAST(sha256 AS BLOB);");

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await registry.FindAsync("acme", "exp_1"));

        Assert.Contains("exports row with export id exp_1 is malformed: column sha256: a BLOB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256 = 'ABC'", "CHECK constraint failed")]
    [InlineData("created_at = '2026-03-01'", "CHECK constraint failed")]
    [InlineData("sections_json = 'nope'", "CHECK constraint failed")]
    [InlineData("tenant_id = ' '", "CHECK constraint failed")]
    [InlineData("size_bytes = 'big'", "cannot store TEXT value in INTEGER column exports.size_bytes")]
    [InlineData("tenant_id = X'61'", "cannot store BLOB value in TEXT column exports.tenant_id")]
    public async Task The_database_refuses_a_malformed_value_even_without_the_triggers(string assignment, string message)
    {
        await new SqliteExportRegistry(database.ConnectionString).AddAsync(ExportRecords.Create("exp_1"));

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP TRIGGER exports_no_update; UPDATE exports SET {assignment};";
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

using ExportKit.Testing;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Schema;

/// <summary>The database itself refuses to change or remove what the stores append, whoever connects.</summary>
public sealed class AppendOnlyTests : IDisposable
{
    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;

    private TestDatabase Database => database!;

    public void Dispose() => database?.Dispose();

    [PostgresFact]
    public async Task Updating_deleting_or_truncating_the_registry_or_the_log_is_refused_by_triggers()
    {
        await new PostgreSqlExportRegistry(Database.ConnectionString).AddAsync(Entries.Record(1));
        await new PostgreSqlExportLogStore(Database.ConnectionString).AppendAsync(Entries.Downloaded(1));

        string[] statements =
        [
            "UPDATE exports SET size_bytes = 2;",
            "DELETE FROM exports;",
            "TRUNCATE exports;",
            "UPDATE export_log SET user_id = 'mallory';",
            "DELETE FROM export_log;",
            "TRUNCATE export_log;",
        ];
        foreach (var sql in statements)
        {
            var error = Assert.Throws<PostgresException>(() => Execute(sql));
            Assert.Equal(PostgresErrorCodes.RestrictViolation, error.SqlState);
            Assert.Contains("is append-only", error.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal(Entries.Record(1), await new PostgreSqlExportRegistry(Database.ConnectionString).FindAsync("acme", "exp_0001"));
        Assert.Single(await new PostgreSqlExportLogStore(Database.ConnectionString).ReadAsync().ToListAsync());
    }

    [PostgresFact]
    public async Task Updating_deleting_or_truncating_audit_events_is_refused_by_triggers()
    {
        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        Assert.True(await store.TryAppendAsync(ExportKit.Storage.Contracts.AuditEvents.Sealed(1)));

        foreach (var sql in new[] { "UPDATE audit_events SET user_id = 'mallory';", "UPDATE audit_events SET user_id = NULL;", "DELETE FROM audit_events;" })
        {
            var error = Assert.Throws<PostgresException>(() => Execute(sql));
            Assert.Equal(PostgresErrorCodes.RestrictViolation, error.SqlState);
            Assert.Contains("audit_events is append-only", error.MessageText, StringComparison.Ordinal);
        }

        // audit_leaves references the events, so a plain TRUNCATE is refused before the trigger, and one with CASCADE
        // by the triggers of the tree's tables.
        Assert.Equal(PostgresErrorCodes.FeatureNotSupported, Assert.Throws<PostgresException>(() => Execute("TRUNCATE audit_events;")).SqlState);
        var cascade = Assert.Throws<PostgresException>(() => Execute("TRUNCATE audit_events CASCADE;"));
        Assert.Equal(PostgresErrorCodes.RestrictViolation, cascade.SqlState);
        Assert.Contains("is append-only", cascade.MessageText, StringComparison.Ordinal);

        ExportKit.Storage.Contracts.AuditEvents.AssertSame(ExportKit.Storage.Contracts.AuditEvents.Sealed(1), await store.GetLastAsync());
    }

    [PostgresFact]
    public async Task Recording_the_same_export_again_is_a_retry_and_a_different_one_with_its_id_is_refused()
    {
        var registry = new PostgreSqlExportRegistry(Database.ConnectionString);
        await registry.AddAsync(Entries.Record(1));
        await registry.AddAsync(Entries.Record(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await registry.AddAsync(Entries.Record(1).With(it => it.SizeBytes, 5L)));
        Assert.Contains("exp_0001", error.Message, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var connection = Database.Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}

using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Schema;

public sealed class MigrationTests : IDisposable
{
    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;

    private TestDatabase Database => database!;

    public void Dispose() => database?.Dispose();

    [PostgresFact]
    public async Task Four_stores_starting_at_once_on_an_empty_schema_migrate_it_once_and_all_work()
    {
        // Separate stores (as separate processes would have), each migrating on its first use, all at the same moment.
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlExportLogStore(Database.ConnectionString)).ToArray();
        using var start = new Barrier(stores.Length);
        var tasks = stores.Select((store, i) => Task.Run(async () =>
        {
            start.SignalAndWait();
            await store.AppendAsync(Entries.Downloaded(i));
        })).ToArray();
        await Task.WhenAll(tasks);

        Assert.Equal(4, (await stores[0].ReadAsync().ToListAsync()).Count);
        Assert.Equal(PostgreSqlMigrator.LatestVersion, Scalar("SELECT count(*) FROM schema_version;"));
        Assert.Equal(PostgreSqlMigrator.LatestVersion, Scalar("SELECT count(DISTINCT version) FROM schema_version;"));
    }

    [PostgresFact]
    public async Task Eight_processes_migrating_at_once_through_every_store_and_the_schema_step_apply_each_step_once()
    {
        using var start = new Barrier(8);
        Func<Task>[] starts =
        [
            () => PostgreSqlSchema.MigrateAsync(Database.ConnectionString),
            async () => await new PostgreSqlAuditEventStore(Database.ConnectionString).GetLastAsync(),
            async () => await new PostgreSqlExportJobStore(Database.ConnectionString).FindAsync("acme", "job_1"),
            async () => await new PostgreSqlExportRegistry(Database.ConnectionString).FindAsync("acme", "exp_1"),
            async () => await new PostgreSqlExportLogStore(Database.ConnectionString).AppendAsync(Entries.Downloaded(1)),
            () => PostgreSqlSchema.MigrateAsync(Database.ConnectionString),
            async () => await new PostgreSqlAuditEventStore(Database.ConnectionString).TryAppendAsync(ExportKit.Storage.Contracts.AuditEvents.Sealed(1)),
            async () => await new PostgreSqlExportJobStore(Database.ConnectionString).TryClaimAsync("w", ExportKit.Testing.TestClock.Now, TimeSpan.FromMinutes(1)),
        ];

        await Task.WhenAll(starts.Select(run => Task.Run(async () =>
        {
            start.SignalAndWait();
            await run();
        })));

        Assert.Equal(PostgreSqlMigrator.LatestVersion, Scalar("SELECT count(*) FROM schema_version;"));
        Assert.Equal(PostgreSqlMigrator.LatestVersion, Scalar("SELECT max(version) FROM schema_version;"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM audit_events;"));
    }

    [PostgresFact]
    public async Task A_schema_newer_than_the_package_knows_is_refused_with_a_message_naming_the_fix()
    {
        Execute("CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());"
            + " INSERT INTO schema_version (version, description) VALUES (1, 'one'), (99, 'from a newer ExportKit');");
        var store = new PostgreSqlExportRegistry(Database.ConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AddAsync(Entries.Record(1)));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade the ExportKit.Storage.PostgreSql package", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'exports';"));
    }

    [PostgresFact]
    public async Task The_tables_are_indexed_for_the_filters_and_the_listing()
    {
        await new PostgreSqlExportRegistry(Database.ConnectionString).AddAsync(Entries.Record(1));

        Assert.Equal(3L, Scalar("""
            SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()
            AND indexname IN ('ix_export_log_tenant_timestamp', 'ix_export_log_entry_type', 'ix_exports_tenant_created_at');
            """));
    }

    private long Scalar(string sql)
    {
        using var connection = Database.Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
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

using ExportKit.Audit;
using ExportKit.Storage.Sqlite.Tests.Registry;
using ExportKit.Testing;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Schema;

/// <summary>Schema step 2 moves a database made by 0.1 (built here with 0.1's DDL) to strict tables, or fails naming the row.</summary>
public sealed class StrictMigrationTests : IDisposable
{
    private static readonly ExportPrincipal Viewer = ExportKit.Audit.RolePermissionMap.AuditGovernance.CreatePrincipal("auditor", "acme", "viewer");

    private static readonly string[] Tables = ["export_log", "audit_events", "exports"];

    private readonly TempDatabase source = new();
    private readonly TempDatabase old = new();
    private readonly List<SqliteAuditEventStore> stores = [];

    public void Dispose()
    {
        stores.ForEach(store => store.Dispose());
        source.Dispose();
        old.Dispose();
    }

    private AuditTrail Trail(string connectionString, IExportIdGenerator? ids = null)
    {
        var store = new SqliteAuditEventStore(connectionString);
        stores.Add(store);
        return new(store, TestClock.Create(), ids ?? new SequentialIds(), new AuditOptions());
    }

    private static ExportDownloadedEntry Entry(string bundleId) => new()
    {
        Timestamp = TestClock.Now, TenantId = "acme", BundleId = bundleId, Format = "json", FileName = bundleId + ".json", SizeBytes = 1, DownloadedBy = "u",
    };

    /// <summary>Fills a 0.1 database with rows exactly as the stores write them (made through the stores elsewhere, then copied).</summary>
    private async Task<List<AuditEvent>> CreateOldDatabase(string? tamper = null)
    {
        // 0.1 wrote chain-only events: the source trail does not see the transparency log.
        using var sourceStore = new SqliteAuditEventStore(source.ConnectionString);
        var trail = new AuditTrail(new ExportKit.Storage.Contracts.ChainOnlyAuditStore(sourceStore), TestClock.Create(), new SequentialIds(), new AuditOptions());
        var events = new List<AuditEvent>();
        for (var i = 0; i < 5; i++)
        {
            events.Add((await trail.RecordAsync(new AuditEventDraft
            {
                EventType = AuditEventTypes.UserUpdated, TenantId = "acme", Severity = AuditSeverity.Info, ActorType = AuditActorType.User, Context = new { n = i },
            }))!);
        }

        var log = new SqliteExportLogStore(source.ConnectionString);
        await log.AppendAsync(Entry("b1"));
        await log.AppendAsync(Entry("b2"));
        await new SqliteExportRegistry(source.ConnectionString).AddAsync(ExportRecords.Create("exp_1"));
        source.ClosePool();

        using var connection = old.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            {SchemaV1.Sql}
            ATTACH DATABASE '{source.Path}' AS source;
            INSERT INTO export_log SELECT * FROM source.export_log;
            INSERT INTO audit_events SELECT * FROM source.audit_events;
            INSERT INTO exports SELECT * FROM source.exports;
            DETACH DATABASE source;
            {tamper}
            """;
        command.ExecuteNonQuery();
        SqliteConnection.ClearPool(connection);
        return events;
    }

    [Fact]
    public async Task A_0_1_database_moves_to_strict_tables_with_every_row_kept()
    {
        var events = await CreateOldDatabase();
        Assert.Equal(0L, old.Scalar("SELECT strict FROM pragma_table_list WHERE name = 'audit_events';"));

        var trail = Trail(old.ConnectionString);
        var verification = await trail.VerifyAsync();

        Assert.Equal(new AuditChainVerification { EventsChecked = 5, Failure = AuditChainFailure.None }, verification);
        Assert.Equal(events.Select(e => e.Id).Reverse(), (await trail.QueryAsync(new AuditQuery("acme"), Viewer)).Select(e => e.Id));
        Assert.Equal(["b1", "b2"], (await new SqliteExportLogStore(old.ConnectionString).ReadAsync().ToListAsync()).Select(e => ((ExportDownloadedEntry)e).BundleId));
        Assert.Equal(ExportRecords.Create("exp_1"), await new SqliteExportRegistry(old.ConnectionString).FindAsync("acme", "exp_1"));
        Assert.Equal(6L, old.Scalar("SELECT max(version) FROM schema_version;"));
        foreach (var table in Tables)
        {
            Assert.Equal(1L, old.Scalar($"SELECT strict FROM pragma_table_list WHERE name = '{table}';"));
            Assert.Equal(3L, old.Scalar($"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = '{table}';"));
            Assert.Equal(0L, old.Scalar($"SELECT count(*) FROM sqlite_schema WHERE name = '{table}_strict';"));
        }

        Assert.Equal(8L, old.Scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'ix_%' AND tbl_name IN ('export_log', 'audit_events', 'exports');"));
        Assert.Equal(2L, old.Scalar("SELECT seq FROM sqlite_sequence WHERE name = 'export_log';"));
    }

    [Fact]
    public async Task The_migrated_database_takes_new_rows_and_keeps_its_chain()
    {
        await CreateOldDatabase();
        var ids = new SequentialIds();
        foreach (var _ in Enumerable.Range(0, 5))
        {
            ids.NewId("aud");
        }

        var trail = Trail(old.ConnectionString, ids);

        await trail.RecordAsync(new AuditEventDraft
        {
            EventType = AuditEventTypes.UserUpdated, TenantId = "acme", Severity = AuditSeverity.Warning, ActorType = AuditActorType.Api,
        });
        await new SqliteExportLogStore(old.ConnectionString).AppendAsync(Entry("b3"));

        Assert.Equal(6, (await trail.VerifyAsync()).EventsChecked);
        Assert.True((await trail.VerifyAsync()).IsValid);
        Assert.Equal(3L, old.Scalar("SELECT max(id) FROM export_log;"));
    }

    [Theory]
    [InlineData("UPDATE audit_events SET severity = 'info';", "audit_events is append-only")]
    [InlineData("DELETE FROM audit_events;", "audit_events is append-only")]
    [InlineData("INSERT OR REPLACE INTO audit_events SELECT * FROM audit_events;", "audit_events is append-only")]
    [InlineData("UPDATE exports SET sha256 = '00';", "exports is append-only")]
    [InlineData("DELETE FROM exports;", "exports is append-only")]
    [InlineData("INSERT OR REPLACE INTO exports SELECT * FROM exports;", "exports is append-only")]
    [InlineData("UPDATE export_log SET tenant_id = 'globex';", "export_log is append-only")]
    [InlineData("DELETE FROM export_log;", "export_log is append-only")]
    public async Task The_migrated_tables_stay_append_only(string sql, string message)
    {
        await CreateOldDatabase();
        await new SqliteExportRegistry(old.ConnectionString).ListAsync("acme").ToListAsync();

        var error = Assert.Throws<SqliteException>(() => old.Scalar(sql));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit_events", "UPDATE audit_events SET severity = 'INFO' WHERE sequence = 3;", "table audit_events, row with sequence 3", "CHECK constraint failed")]
    [InlineData("audit_events", "UPDATE audit_events SET tenant_id = CAST(tenant_id AS BLOB) WHERE sequence = 4;", "table audit_events, row with sequence 4", "cannot store BLOB value in TEXT column")]
    [InlineData("audit_events", "UPDATE audit_events SET diff_json = 'garbage' WHERE sequence = 1;", "table audit_events, row with sequence 1", "CHECK constraint failed")]
    [InlineData("exports", "UPDATE exports SET created_at = 'yesterday';", "table exports, row with export_id 'exp_1'", "CHECK constraint failed")]
    [InlineData("export_log", "UPDATE export_log SET json = 'x' WHERE id = 2;", "table export_log, row with id 2", "CHECK constraint failed")]
    public async Task A_row_that_does_not_fit_fails_the_migration_naming_it_and_nothing_changes(string table, string tamper, string row, string reason)
    {
        await CreateOldDatabase($"DROP TRIGGER {table}_no_update; {tamper}");
        var before = old.Scalar($"SELECT count(*) FROM {table};");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Trail(old.ConnectionString).VerifyAsync());

        Assert.Contains("cannot be moved to schema version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(row, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, old.Scalar("SELECT max(version) FROM schema_version;"));
        Assert.Equal(before, old.Scalar($"SELECT count(*) FROM {table};"));
        Assert.Equal(0L, old.Scalar($"SELECT strict FROM pragma_table_list WHERE name = '{table}';"));
        Assert.Equal(0L, old.Scalar("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_strict';"));
    }

    [Fact]
    public void The_bundled_sqlite_has_strict_tables()
    {
        Assert.True(Version.Parse((string)source.Scalar("SELECT sqlite_version();")!) >= new Version(3, 37));
    }
}

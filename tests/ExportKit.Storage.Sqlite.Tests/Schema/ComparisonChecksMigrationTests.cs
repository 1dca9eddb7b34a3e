using ExportKit.Audit;
using ExportKit.Storage.Sqlite.Tests.Registry;
using ExportKit.Testing;
using Microsoft.Data.Sqlite;
using ExportJobStoreContract = ExportKit.Storage.Contracts.ExportJobStoreContract;

namespace ExportKit.Storage.Sqlite.Tests.Schema;

/// <summary>
/// Schema step 6 rewrites the CHECK constraints on closed sets of words as comparisons, so that no write builds a
/// temporary b-tree, keeping every row and what each constraint allows.
/// </summary>
public sealed class ComparisonChecksMigrationTests : IDisposable
{
    private static readonly string[] Tables = ["export_log", "audit_events", "exports", "export_jobs", "audit_leaves", "audit_tree_hashes", "audit_commitments"];

    private readonly TempDatabase source = new();
    private readonly TempDatabase old = new();
    private readonly List<SqliteAuditEventStore> stores = [];

    public void Dispose()
    {
        stores.ForEach(store => store.Dispose());
        source.Dispose();
        old.Dispose();
    }

    [Fact]
    public async Task No_write_to_any_table_builds_a_temporary_btree()
    {
        await FillAsync(source.ConnectionString);

        using var connection = source.Open();
        foreach (var table in TableNames(connection))
        {
            Assert.DoesNotContain("OpenEphemeral", Opcodes(connection, $"INSERT INTO {table} DEFAULT VALUES;"));
        }

        Assert.DoesNotContain("OpenEphemeral", Opcodes(connection, "UPDATE export_jobs SET status = 'failed' WHERE id = 'job_0001';"));
    }

    [Theory]
    [InlineData("export_log", "entry_type", "export-generated", "id = 999")]
    [InlineData("audit_events", "severity", "critical", "sequence = 999, id = 'evt_999'")]
    [InlineData("audit_events", "actor_type", "webhook", "sequence = 999, id = 'evt_999'")]
    [InlineData("export_jobs", "status", "expired", "id = 'job_0999'")]
    public async Task Each_rewritten_constraint_still_allows_its_words_and_only_them(string table, string column, string allowed, string newKey)
    {
        await FillAsync(source.ConnectionString);
        using var connection = source.Open();

        var refused = Assert.Throws<SqliteException>(() => CopyFirstRow(connection, table, $"{newKey}, {column} = 'Critical'"));
        Assert.Contains("CHECK constraint failed", refused.Message, StringComparison.Ordinal);
        Assert.Throws<SqliteException>(() => CopyFirstRow(connection, table, $"{newKey}, {column} = 'info, critical'"));
        CopyFirstRow(connection, table, $"{newKey}, {column} = '{allowed}'");
    }

    [Fact]
    public async Task A_version_5_database_is_rewritten_in_place_with_every_row_kept_and_its_chain_valid()
    {
        await CreateVersion5DatabaseAsync();
        var counts = Tables.ToDictionary(table => table, table => old.Scalar($"SELECT count(*) FROM {table};"));
        using var early = old.Open();
        Assert.Contains("OpenEphemeral", Opcodes(early, "INSERT INTO audit_events DEFAULT VALUES;"));

        var trail = Trail(old.ConnectionString);
        var verification = await trail.VerifyAsync();

        Assert.Equal(new AuditChainVerification { EventsChecked = 5, Failure = AuditChainFailure.None }, verification);
        Assert.Equal(6L, old.Scalar("SELECT max(version) FROM schema_version;"));
        Assert.Equal("ok", old.Scalar("PRAGMA integrity_check;"));
        foreach (var table in Tables)
        {
            Assert.Equal(counts[table], old.Scalar($"SELECT count(*) FROM {table};"));
        }

        foreach (var (table, column, words) in ComparisonChecksMigration.Checks)
        {
            var sql = (string)old.Scalar($"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '{table}';")!;
            Assert.DoesNotContain(ComparisonChecksMigration.InList(column, words), sql, StringComparison.Ordinal);
            Assert.Contains(ComparisonChecksMigration.Comparisons(column, words), sql, StringComparison.Ordinal);
            Assert.Equal(1L, old.Scalar($"SELECT strict FROM pragma_table_list WHERE name = '{table}';"));
        }

        // A connection opened before the step (another process, a pooled connection) reloads the schema when it next
        // runs a statement: the step changed the schema version. (EXPLAIN alone runs nothing, so it would still show the old.)
        Assert.Equal(5L, Scalar(early, "SELECT count(*) FROM audit_events;"));
        Assert.DoesNotContain("OpenEphemeral", Opcodes(early, "INSERT INTO audit_events DEFAULT VALUES;"));
        Assert.Equal("job_0001", (await new SqliteExportJobStore(old.ConnectionString).FindAsync("acme", "job_0001"))!.Id);
        Assert.Equal(["b1"], (await new SqliteExportLogStore(old.ConnectionString).ReadAsync().ToListAsync()).Select(e => ((ExportDownloadedEntry)e).BundleId));
    }

    [Fact]
    public async Task Four_stores_opening_a_version_5_database_at_once_rewrite_it_once()
    {
        // Stores with their own settings and migration flag on one file, as four processes would be.
        await CreateVersion5DatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var store = new SqliteAuditEventStore(old.ConnectionString);
            await store.GetLastAsync();
        })));

        Assert.Equal(6L, old.Scalar("SELECT count(*) FROM schema_version;"));
        Assert.Equal(1L, old.Scalar("SELECT count(*) FROM schema_version WHERE version = 6;"));
        foreach (var (table, column, words) in ComparisonChecksMigration.Checks)
        {
            var sql = (string)old.Scalar($"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '{table}';")!;
            Assert.Equal(1, sql.Split(ComparisonChecksMigration.Comparisons(column, words)).Length - 1);
        }

        Assert.Equal("ok", old.Scalar("PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task A_rewrite_cut_off_before_its_commit_leaves_the_old_definitions_and_runs_again_later()
    {
        // A process killed mid-migration never commits: the definitions it rewrote are rolled back with everything else.
        await CreateVersion5DatabaseAsync();
        using (var connection = old.Open())
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await ComparisonChecksMigration.ApplyAsync(connection, transaction, CancellationToken.None);
            Assert.Contains(ComparisonChecksMigration.Comparisons("severity", ComparisonChecksMigration.Checks[1].Words), (string)Scalar(connection, "SELECT sql FROM sqlite_schema WHERE name = 'audit_events';", transaction)!, StringComparison.Ordinal);

            // No commit, no rollback: the connection just goes, as a killed process's does.
            SqliteConnection.ClearPool(connection);
        }

        old.ClosePool();
        Assert.Equal(5L, old.Scalar("SELECT max(version) FROM schema_version;"));
        Assert.Contains(ComparisonChecksMigration.InList("severity", ComparisonChecksMigration.Checks[1].Words), (string)old.Scalar("SELECT sql FROM sqlite_schema WHERE name = 'audit_events';")!, StringComparison.Ordinal);

        Assert.True((await Trail(old.ConnectionString).VerifyAsync()).IsValid);
        Assert.Equal(6L, old.Scalar("SELECT max(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_table_changed_outside_ExportKit_is_not_migrated_and_the_error_names_it()
    {
        await CreateVersion5DatabaseAsync();
        using (var connection = old.Open())
        {
            var version = (long)Scalar(connection, "PRAGMA schema_version;")!;
            Execute(connection, $"""
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = replace(sql, '''critical'')', '''critical'', ''debug'')') WHERE name = 'audit_events';
                PRAGMA schema_version = {version + 1};
                PRAGMA writable_schema = OFF;
                """);
        }

        old.ClosePool();
        var exportLogBefore = old.Scalar("SELECT sql FROM sqlite_schema WHERE name = 'export_log';");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Trail(old.ConnectionString).VerifyAsync());

        Assert.Contains("severity IN ('info', 'warning', 'error', 'critical')", error.Message, StringComparison.Ordinal);
        Assert.Contains("table audit_events", error.Message, StringComparison.Ordinal);
        Assert.Contains("keeps the version it had", error.Message, StringComparison.Ordinal);
        Assert.Equal(5L, old.Scalar("SELECT max(version) FROM schema_version;"));
        Assert.Equal(exportLogBefore, old.Scalar("SELECT sql FROM sqlite_schema WHERE name = 'export_log';"));
    }

    private AuditTrail Trail(string connectionString)
    {
        var store = new SqliteAuditEventStore(connectionString);
        stores.Add(store);
        return new(store, TestClock.Create(), new SequentialIds(), new AuditOptions());
    }

    /// <summary>Rows in every table, written by the stores: five events with request data (so leaves, hashes and commitments), a log entry, an export, a job.</summary>
    private async Task FillAsync(string connectionString)
    {
        var trail = Trail(connectionString);
        for (var i = 0; i < 5; i++)
        {
            await trail.RecordAsync(new AuditEventDraft
            {
                EventType = AuditEventTypes.UserUpdated, TenantId = "acme", Severity = AuditSeverity.Warning, ActorType = AuditActorType.Api,
                Context = new { n = i }, Request = new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "curl/8" },
            });
        }

        await new SqliteExportLogStore(connectionString).AppendAsync(new ExportDownloadedEntry
        {
            Timestamp = TestClock.Now, TenantId = "acme", BundleId = "b1", Format = "json", FileName = "b1.json", SizeBytes = 1, DownloadedBy = "u",
        });
        await new SqliteExportRegistry(connectionString).AddAsync(ExportRecords.Create("exp_1"));
        await new SqliteExportJobStore(connectionString).AddAsync(ExportJobStoreContract.Job(1));
    }

    /// <summary>A database as 0.3's first builds left it (schema steps 1 to 5), holding rows the stores wrote.</summary>
    private async Task CreateVersion5DatabaseAsync()
    {
        await FillAsync(source.ConnectionString);
        stores.ForEach(store => store.Dispose());
        stores.Clear();
        source.ClosePool();

        using var connection = old.Open();
        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL);", transaction);
            foreach (var step in SqliteMigrations.All.Where(step => step.Version <= 5))
            {
                await step.ApplyAsync(connection, transaction, CancellationToken.None);
                Execute(connection, $"INSERT INTO schema_version VALUES ({step.Version}, 'step {step.Version}');", transaction);
            }

            transaction.Commit();
        }

        Execute(connection, $"""
            ATTACH DATABASE '{source.Path}' AS source;
            {string.Concat(Tables.Select(table => $"INSERT INTO {table} SELECT * FROM source.{table};\n"))}
            DETACH DATABASE source;
            """);
        SqliteConnection.ClearPool(connection);
    }

    private static void CopyFirstRow(SqliteConnection connection, string table, string assignments) => Execute(connection, $"""
        DROP TABLE IF EXISTS temp.copied;
        CREATE TEMP TABLE copied AS SELECT * FROM main.{table} LIMIT 1;
        UPDATE temp.copied SET {assignments};
        INSERT INTO main.{table} SELECT * FROM temp.copied;
        """);

    private static List<string> TableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static List<string> Opcodes(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN " + sql;
        using var reader = command.ExecuteReader();
        var opcodes = new List<string>();
        while (reader.Read())
        {
            opcodes.Add(reader.GetString(1));
        }

        return opcodes;
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

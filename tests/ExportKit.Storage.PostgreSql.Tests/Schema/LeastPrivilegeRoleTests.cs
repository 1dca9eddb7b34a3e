using ExportKit.Audit;
using ExportKit.Storage.Contracts;
using ExportKit.Testing;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Schema;

/// <summary>
/// The role the README tells a host to give the application: every store works under it, and it can neither change nor
/// remove what is append-only, even with the triggers gone, nor change the schema.
/// </summary>
public sealed class LeastPrivilegeRoleTests : IDisposable
{
    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;
    private readonly string role = "exportkit_app_" + Guid.NewGuid().ToString("N")[..12];

    private TestDatabase Database => database!;

    public void Dispose()
    {
        if (database is null)
        {
            return;
        }

        database.Dispose();
        TestDatabase.Execute($"DROP OWNED BY {role}; DROP ROLE IF EXISTS {role};");
    }

    [PostgresFact]
    public async Task Every_store_works_under_the_documented_role_and_the_role_cannot_change_or_remove_records()
    {
        await PostgreSqlSchema.MigrateAsync(Database.ConnectionString);
        TestDatabase.Execute($"CREATE ROLE {role} LOGIN;");
        Database.ExecuteInSchema(LeastPrivilegeRole.Grants(Database.Schema, role));
        var app = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Username = role }.ConnectionString;

        var audit = new PostgreSqlAuditEventStore(app);
        var trail = new AuditTrail(audit, TestClock.Create(), new SequentialIds(), new AuditOptions());
        await trail.RecordAsync(AuditEvents.Draft(userId: "alice", context: new { step = 1 }) with { Request = new RequestMetadata { IpAddress = "203.0.113.7" } });
        await trail.RecordAsync(AuditEvents.Draft(context: new { step = 2 }));
        Assert.True((await trail.VerifyAsync()).IsValid);
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit") });
        var checkpoint = await log.CreateCheckpointAsync();
        Assert.Equal(1, await log.ErasePersonalDataAsync("alice")); // the narrow UPDATE grants erasure needs
        Assert.True((await log.VerifyAsync(checkpoint)).IsValid);
        Assert.Single(await audit.QueryAsync(new AuditQuery("acme") { Search = "\"step\":2" }, 0, 10).ToListAsync());
        await new PostgreSqlExportLogStore(app).AppendAsync(Entries.Downloaded(1));
        await new PostgreSqlExportRegistry(app).AddAsync(Entries.Record(1));
        var jobs = new PostgreSqlExportJobStore(app);
        await jobs.AddAsync(ExportJobStoreContract.Job(1));
        var claimed = await jobs.TryClaimAsync("worker-a", TestClock.Now, TimeSpan.FromMinutes(1));
        Assert.True(await jobs.FinishAsync(claimed!.Id, "worker-a", ExportJobOutcome.Cancelled(TestClock.Now)));

        // Refused by the grants themselves, before any trigger: the role has no UPDATE (but of the personal columns and
        // salts erasure clears), DELETE, TRUNCATE or CREATE.
        Database.ExecuteInSchema("""
            ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE exports DISABLE TRIGGER USER; ALTER TABLE export_jobs DISABLE TRIGGER USER;
            ALTER TABLE audit_tree_hashes DISABLE TRIGGER USER; ALTER TABLE audit_leaves DISABLE TRIGGER USER; ALTER TABLE audit_commitments DISABLE TRIGGER USER;
            """);
        foreach (var sql in new[]
        {
            "UPDATE audit_events SET hash = previous_hash;", "UPDATE audit_events SET tenant_id = 'globex';", "DELETE FROM audit_events;", "TRUNCATE audit_events;",
            "UPDATE audit_tree_hashes SET hash = hash;", "DELETE FROM audit_tree_hashes;", "UPDATE audit_leaves SET data = data;", "DELETE FROM audit_leaves;",
            "UPDATE audit_commitments SET commitment = commitment;", "DELETE FROM audit_commitments;", "TRUNCATE audit_commitments;",
            "UPDATE exports SET size_bytes = 0;", "DELETE FROM exports;", "UPDATE export_log SET user_id = 'mallory';",
            "DELETE FROM export_jobs;", "UPDATE export_jobs SET tenant_id = 'globex';", "CREATE TABLE sneaky (id int);",
            "DROP TABLE audit_events;",
        })
        {
            var error = Assert.Throws<PostgresException>(() => ExecuteAs(app, sql));
            Assert.True(error.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {error.SqlState} {error.MessageText}");
        }
    }

    [PostgresFact]
    public async Task With_the_retention_grants_the_role_prunes_through_the_log_but_cannot_delete_past_the_cut()
    {
        await PostgreSqlSchema.MigrateAsync(Database.ConnectionString);
        TestDatabase.Execute($"CREATE ROLE {role} LOGIN;");
        Database.ExecuteInSchema(LeastPrivilegeRole.Grants(Database.Schema, role) + LeastPrivilegeRole.RetentionGrants(Database.Schema, role));
        var app = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Username = role }.ConnectionString;
        var clock = TestClock.Create();
        var trail = new AuditTrail(new PostgreSqlAuditEventStore(app), clock, new SequentialIds(), new AuditOptions());
        for (var i = 0; i < 5; i++)
        {
            await trail.RecordAsync(AuditEvents.Draft(context: new { step = i }));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit") });
        var checkpoint = await log.CreateCheckpointAsync();

        Assert.Equal(3, await log.PruneAsync(TestClock.Now.AddMinutes(2.5), checkpoint));

        var verification = await log.VerifyAsync(checkpoint);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(3, verification.PrunedEvents);

        // The DELETE grant is bounded by the triggers: nothing after the recorded cut goes, and the cut only moves forward.
        foreach (var sql in new[] { "DELETE FROM audit_events;", "DELETE FROM audit_leaves;" })
        {
            var error = Assert.Throws<PostgresException>(() => ExecuteAs(app, sql));
            Assert.True(error.SqlState is PostgresErrorCodes.RestrictViolation, $"{sql}: {error.SqlState} {error.MessageText}");
        }

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.Throws<PostgresException>(() => ExecuteAs(app, "DELETE FROM audit_retention;")).SqlState);

        var backwards = Assert.Throws<PostgresException>(() => ExecuteAs(app, "INSERT INTO audit_retention VALUES (2, 'x', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z', 'c');"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, backwards.SqlState);
        Assert.True((await log.VerifyAsync(checkpoint)).IsValid);
    }

    [PostgresFact]
    public async Task A_role_that_may_not_migrate_an_old_schema_is_told_to_run_the_migration_as_the_owner()
    {
        TestDatabase.Execute($"CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {Database.Schema} TO {role};");
        var app = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Username = role }.ConnectionString;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new PostgreSqlAuditEventStore(app).GetLastAsync());

        Assert.Contains("run PostgreSqlSchema.MigrateAsync with the schema owner's connection string", error.Message, StringComparison.Ordinal);
    }

    private static void ExecuteAs(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}

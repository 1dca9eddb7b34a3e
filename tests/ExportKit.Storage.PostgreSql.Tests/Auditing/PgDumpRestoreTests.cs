using System.Diagnostics;
using ExportKit.Audit;
using ExportKit.Storage.Contracts;
using ExportKit.Testing;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Auditing;

/// <summary>
/// A fact that needs the server (EXPORTKIT_POSTGRES) and PostgreSQL's pg_dump and pg_restore, and says which is
/// missing when it skips.
/// </summary>
public sealed class PgDumpFactAttribute : FactAttribute
{
    public PgDumpFactAttribute()
    {
        Skip = TestDatabase.SkipReason ?? (PgDumpRestoreTests.Binaries is null
            ? "pg_dump and pg_restore were not found (in /usr/lib/postgresql/*/bin or on PATH): install the PostgreSQL client (Debian: postgresql-client-15)."
            : null);
    }
}

/// <summary>
/// The README's backup procedure for PostgreSQL: pg_dump of the schema, pg_restore into a fresh database, then the
/// restored trail is verified against the latest checkpoint before anything is switched to it.
/// </summary>
public sealed class PgDumpRestoreTests : IDisposable
{
    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;
    private readonly string restoredDatabase = "exportkit_restore_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string directory = Path.Combine(Path.GetTempPath(), "exportkit-pgdump-" + Guid.NewGuid().ToString("N"));

    /// <summary>Gets the folder holding pg_dump and pg_restore (the newest installed PostgreSQL's), or null when there is none.</summary>
    public static string? Binaries { get; } = FindBinaries();

    private TestDatabase Database => database!;

    public void Dispose()
    {
        if (database is null)
        {
            return;
        }

        database.Dispose();
        NpgsqlConnection.ClearAllPools();
        TestDatabase.Execute($"DROP DATABASE IF EXISTS {restoredDatabase} WITH (FORCE);");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [PgDumpFact]
    public async Task A_dump_restored_into_a_fresh_database_verifies_against_the_latest_checkpoint_and_a_tampered_one_does_not()
    {
        var options = new AuditTransparencyOptions { SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit") };
        var trail = new AuditTrail(new PostgreSqlAuditEventStore(Database.ConnectionString), TestClock.Create(), new SequentialIds(), new AuditOptions { PersonalFields = { "email" } });
        for (var i = 0; i < 9; i++)
        {
            await trail.RecordAsync(AuditEvents.Draft(userId: i % 2 == 0 ? "alice" : "bob", context: new { i, email = "p@example.org" }));
        }

        var log = new AuditTransparencyLog(trail, options);
        await log.ErasePersonalDataAsync("alice");
        var checkpoint = await log.CreateCheckpointAsync();
        Directory.CreateDirectory(directory);
        var dump = Path.Combine(directory, "exportkit.dump");
        await RunAsync("pg_dump", "--format=custom", "--schema=" + Database.Schema, "--file=" + dump, Server().Database!);

        // The fresh database needs what the schema uses from outside it: pg_trgm (in public, as step 2 creates it).
        TestDatabase.Execute($"CREATE DATABASE {restoredDatabase};");
        var restored = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = restoredDatabase }.ConnectionString;
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(restored) { SearchPath = "public" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;", connection);
            await command.ExecuteNonQueryAsync();
        }

        await RunAsync("pg_restore", "--exit-on-error", "--dbname=" + restoredDatabase, dump);

        var restoredTrail = new AuditTrail(new PostgreSqlAuditEventStore(restored), TestClock.Create(), new SequentialIds(), new AuditOptions { PersonalFields = { "email" } });
        var restoredLog = new AuditTransparencyLog(restoredTrail, options);
        var verification = await restoredLog.VerifyAsync(checkpoint);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(10, verification.EventsChecked);
        Assert.Equal(5, verification.RedactedEvents);

        // A copy that lost its newest events (a stale dump, or one cut short) is caught by the checkpoint.
        await using (var connection = new NpgsqlConnection(restored))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_leaves DISABLE TRIGGER USER;
                ALTER TABLE audit_tree_hashes DISABLE TRIGGER USER; ALTER TABLE audit_commitments DISABLE TRIGGER USER;
                DELETE FROM audit_commitments WHERE sequence = 10; DELETE FROM audit_leaves WHERE sequence = 10;
                DELETE FROM audit_tree_hashes WHERE hash_index >= 16; DELETE FROM audit_events WHERE sequence = 10;
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var truncated = await restoredLog.VerifyAsync(checkpoint);
        Assert.False(truncated.IsValid);
        Assert.Equal(AuditChainFailure.Truncated, truncated.Failure);
    }

    private static NpgsqlConnectionStringBuilder Server() => new(TestDatabase.ServerConnectionString);

    private static async Task RunAsync(string tool, params string[] args)
    {
        var server = Server();
        var start = new ProcessStartInfo(Path.Combine(Binaries!, tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--host=" + server.Host, "--port=" + server.Port, "--username=" + server.Username, "--no-password", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        if (server.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static string? FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return installed.Concat(path).FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_dump")) && File.Exists(Path.Combine(d, "pg_restore")));
    }
}

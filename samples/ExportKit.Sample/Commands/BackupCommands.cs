using System.CommandLine;
using ExportKit.Audit;
using ExportKit.Sample.Demo;
using ExportKit.Storage.Sqlite;

namespace ExportKit.Sample.Commands;

/// <summary>
/// <c>backup --out FILE</c> and <c>restore --from FILE</c>: an online backup of the sample's database (SQLite's backup
/// API, consistent while the application writes), and a restore that checks the backup's integrity, its audit trail and
/// tree, and that it holds the latest checkpoint (<c>sample.db.checkpoint</c>, written by <c>audit checkpoint</c>)
/// before it replaces anything.
/// </summary>
internal static class BackupCommands
{
    private static readonly Option<string> Out = new("--out") { Description = "The backup file to create.", Required = true };
    private static readonly Option<string> From = new("--from") { Description = "The backup file to restore.", Required = true };

    public static IEnumerable<Command> Create()
    {
        var backup = new Command("backup", "Write an online backup of the database to a new file.") { Out };
        backup.SetAction((parse, token) => RunAsync(parse, async (database, output) =>
        {
            var path = Path.GetFullPath(parse.GetValue(Out)!);
            await SqliteBackup.BackupAsync("Data Source=" + database, path, token);
            await output.WriteLineAsync($"Wrote {path}");
            return 0;
        }));

        var restore = new Command("restore", "Restore the database from a backup, after checking its integrity, audit trail, tree and latest checkpoint.") { From };
        restore.SetAction((parse, token) => RunAsync(parse, async (database, output) =>
        {
            var path = Path.GetFullPath(parse.GetValue(From)!);
            var problems = await SqliteBackup.CheckIntegrityAsync(path, token);
            if (problems.Count > 0)
            {
                throw new ArgumentException($"The backup {path} is damaged: {string.Join("; ", problems)}. Nothing was restored.");
            }

            var verification = await VerifyBackupAsync(path, database, output, token);
            if (!verification.IsValid)
            {
                throw new ArgumentException($"The backup's audit log does not verify: {verification.Failure}. {verification.Message} Nothing was restored.");
            }

            await SqliteBackup.RestoreAsync(path, "Data Source=" + database, token);
            await output.WriteLineAsync($"Restored {database} from {path}: integrity ok, {verification.EventsChecked} audit events verified.");
            return 0;
        }));

        return [backup, restore];
    }

    private static async Task<AuditChainVerification> VerifyBackupAsync(string backup, string database, TextWriter output, CancellationToken token)
    {
        // A copy, so that checking never writes to the backup itself.
        var copy = Path.Combine(Path.GetTempPath(), "exportkit-restore-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(backup, copy);
        try
        {
            using var store = new SqliteAuditEventStore("Data Source=" + copy + ";Pooling=False");
            var trail = new AuditTrail(store, TimeProvider.System, new ClockDerivedIds(DateTimeOffset.UnixEpoch, "restore"), new AuditOptions());
            var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = await SigningKeyFile.LoadOrCreateAsync(database + ".signing-key", output) });
            var latest = database + ".checkpoint";
            return await log.VerifyAsync(File.Exists(latest) ? await File.ReadAllTextAsync(latest, token) : null, token);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<string, TextWriter, Task<int>> action)
    {
        try
        {
            if (parse.GetValue(SampleOptions.Postgres) is not null)
            {
                throw new ArgumentException(
                    "backup and restore use SQLite's online backup API and work on the SQLite file only. For PostgreSQL use the server's own tools "
                    + "(pg_dump and pg_restore, or pg_basebackup with WAL archiving for point-in-time recovery), then check the restored database "
                    + "with 'audit verify --checkpoint exportkit-sample-postgres.checkpoint --postgres <restored database>' before switching to it: "
                    + "see \"Backup and restore\" in the ExportKit.Storage.PostgreSql README.");
            }

            return await action(Path.GetFullPath(parse.GetValue(SampleOptions.Database)!), parse.InvocationConfiguration.Output);
        }
        catch (ArgumentException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("Error: " + ex.Message);
            return 1;
        }
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Online backup and restore of an ExportKit SQLite database with SQLite's backup API (<c>sqlite3_backup</c>, through
/// <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): a consistent copy while the application keeps
/// writing, unlike a copy of the file, which misses what is still in the WAL. Restore checks the backup's integrity
/// (<c>PRAGMA integrity_check</c>) before anything is replaced; checking its audit trail and tree against the latest
/// checkpoint is the caller's next step (<c>IAuditTransparencyLog.VerifyAsync</c> on a store opened on the backup).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Writes a consistent copy of a database to a new file.</summary>
    /// <param name="connectionString">The database's connection string, as the stores are given it.</param>
    /// <param name="destinationPath">The backup file to create; it must not exist.</param>
    /// <param name="cancellationToken">Cancels before the copy starts.</param>
    /// <returns>A task that completes when the backup is written.</returns>
    /// <exception cref="ArgumentException">An argument is blank, or the destination exists.</exception>
    public static async Task BackupAsync(string connectionString, string destinationPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        if (File.Exists(destinationPath))
        {
            throw new ArgumentException($"The backup file {Path.GetFullPath(destinationPath)} exists: give a new file name (a backup never overwrites).", nameof(destinationPath));
        }

        var source = await new SqliteDatabase(connectionString).OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString());
            await using (destination.ConfigureAwait(false))
            {
                await destination.OpenAsync(cancellationToken).ConfigureAwait(false);
                source.BackupDatabase(destination);
            }
        }
    }

    /// <summary>Checks a backup file with <c>PRAGMA integrity_check</c> and that it is an ExportKit database.</summary>
    /// <param name="backupPath">The backup file.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The problems found; empty when the file is sound.</returns>
    /// <exception cref="ArgumentException"><paramref name="backupPath"/> is blank or does not exist.</exception>
    public static async Task<IReadOnlyList<string>> CheckIntegrityAsync(string backupPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupPath);
        if (!File.Exists(backupPath))
        {
            throw new ArgumentException($"The backup file {Path.GetFullPath(backupPath)} does not exist.", nameof(backupPath));
        }

        var problems = new List<string>();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check;";
                var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var line = reader.GetString(0);
                        if (!string.Equals(line, "ok", StringComparison.Ordinal))
                        {
                            problems.Add("integrity_check: " + line);
                        }
                    }
                }

                if (problems.Count == 0 && !await connection.ExistsAsync("SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = @value);", "schema_version", cancellationToken).ConfigureAwait(false))
                {
                    problems.Add("it is not an ExportKit database (no schema_version table)");
                }
            }
            catch (SqliteException e)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"it cannot be read as SQLite: {e.Message}"));
            }
        }

        return problems;
    }

    /// <summary>
    /// Replaces a database's content with a checked backup's, through the backup API (so open connections see a whole
    /// database before or after, never a half-copied file). Check the backup first (<see cref="CheckIntegrityAsync"/>
    /// and the audit log's verification); this refuses a backup that fails the integrity check and changes nothing then.
    /// </summary>
    /// <param name="backupPath">The backup file.</param>
    /// <param name="connectionString">The database to replace.</param>
    /// <param name="cancellationToken">Cancels before the copy starts.</param>
    /// <returns>A task that completes when the database is restored.</returns>
    /// <exception cref="ArgumentException">An argument is blank, the backup does not exist, or it fails the integrity check (the message lists why).</exception>
    public static async Task RestoreAsync(string backupPath, string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var problems = await CheckIntegrityAsync(backupPath, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The backup {Path.GetFullPath(backupPath)} was not restored: {string.Join("; ", problems)}. Nothing was changed.", nameof(backupPath));
        }

        var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using (source.ConfigureAwait(false))
        {
            await source.OpenAsync(cancellationToken).ConfigureAwait(false);
            var target = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await using (target.ConfigureAwait(false))
            {
                await target.OpenAsync(cancellationToken).ConfigureAwait(false);
                source.BackupDatabase(target);
            }
        }

        SqliteConnection.ClearAllPools();
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>Brings a database to the latest schema: the steps it lacks, in order, in one transaction.</summary>
internal static class SqliteMigrator
{
    public static int LatestVersion => SqliteMigrations.All[^1].Version;

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL is kept in the file itself and cannot be switched inside a transaction: readers then never block the
        // writer, and the writer never blocks readers.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE takes the write lock at once, so two processes opening a new file migrate one after the other
        // and the second finds the steps already recorded.
#pragma warning disable CA1849 // BeginTransactionAsync has no "deferred" parameter, and BEGIN IMMEDIATE needs it; Microsoft.Data.Sqlite runs it synchronously either way.
        var transaction = connection.BeginTransaction(deferred: false);
#pragma warning restore CA1849
        await using (transaction.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL);",
                cancellationToken, transaction).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The database has schema version {current}, newer than the {LatestVersion} this version of ExportKit.Storage.Sqlite knows: upgrade the package, or use a database file it created."));
            }

            foreach (var migration in SqliteMigrations.All.Where(m => m.Version > current))
            {
                await migration.ApplyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, description) VALUES (@version, @description);";
                record.Parameters.AddWithValue("@version", migration.Version);
                record.Parameters.AddWithValue("@description", migration.Description);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}

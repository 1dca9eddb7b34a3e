using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// One database file: opens a connection per operation (pooled by Microsoft.Data.Sqlite, so this is cheap and safe
/// from any number of threads) and brings the schema up to date on first use.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>How long a writer waits for another writer's lock before failing, in milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private readonly string connectionString;
    private volatile bool migrated;

    public SqliteDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource)
            || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal)
            || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException(
                "The connection string names no database file: the SQLite stores open a connection per operation, so an in-memory database would be empty each time. Give a file, for example \"Data Source=exportkit.db\".",
                nameof(connectionString));
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException(
                $"The connection string opens '{builder.DataSource}' read-only: the stores append, so leave Mode out or use ReadWriteCreate.",
                nameof(connectionString));
        }

        this.connectionString = builder.ToString();
    }

    /// <summary>Opens a connection with the store's settings, migrating the schema the first time.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per connection, not per file: a pooled connection keeps them, and setting them again costs nothing.
            await connection.ExecuteAsync(
                $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;", cancellationToken).ConfigureAwait(false);
            if (!migrated)
            {
                // Two threads may both get here; the migration takes the write lock and is idempotent.
                await SqliteMigrator.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
                migrated = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

using System.Globalization;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Brings a database to the latest schema: the steps it lacks, in order, in one transaction that first takes a
/// transaction-scoped advisory lock on a fixed key. Processes that start at once therefore migrate one after the
/// other, and each later one finds the steps already recorded in <c>schema_version</c>.
/// </summary>
internal static class PostgreSqlMigrator
{
    /// <summary>The advisory lock key every ExportKit migration takes: "ExportKi" as a big-endian 64-bit number.</summary>
    public const long LockKey = 0x4578706F72744B69;

    public static int LatestVersion => PostgreSqlMigrations.All[^1].Version;

    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Most starts find the schema current: say so without a lock or DDL, which a least-privilege role may not run.
        var current = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(connection, current);
        if (current == LatestVersion)
        {
            return;
        }

        try
        {
            await ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The ExportKit schema in database '{connection.Database}' is at version {current}, older than this package's {LatestVersion}, and user '{connection.UserName}' may not migrate it ({e.MessageText}): run PostgreSqlSchema.MigrateAsync with the schema owner's connection string before starting the application."), e);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey});", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     integer     PRIMARY KEY,
                    description text        NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                );
                """, cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            ThrowIfNewer(connection, current);

            foreach (var migration in PostgreSqlMigrations.All.Where(m => m.Version > current))
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                using var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES (@version, @description);", connection, transaction);
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("description", migration.Description);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ThrowIfNewer(NpgsqlConnection connection, int current)
    {
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The database '{connection.Database}' has ExportKit schema version {current}, newer than the {LatestVersion} this version of ExportKit.Storage.PostgreSql knows: upgrade the ExportKit.Storage.PostgreSql package, or point the connection string at a database (or Search Path schema) this version created."));
        }
    }

    /// <summary>The version recorded, or 0 when there is no <c>schema_version</c> table on the search path yet.</summary>
    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL;", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return 0;
            }
        }

        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version;", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version;", connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Only the migrator's own constant SQL is run.")]
    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

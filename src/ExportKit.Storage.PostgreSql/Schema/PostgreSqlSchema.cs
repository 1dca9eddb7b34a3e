namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// The ExportKit schema of a database, for a deployment step: the stores migrate it on first use themselves, but an
/// application that connects as a least-privilege role (INSERT and SELECT only, no CREATE) cannot, so the owner runs
/// this once per release before the application starts.
/// </summary>
public static class PostgreSqlSchema
{
    /// <summary>Creates the tables, or brings them to this version's schema; safe when several processes run it at once.</summary>
    /// <param name="connectionString">An Npgsql connection string of a user who may create tables in the schema (its owner).</param>
    /// <param name="cancellationToken">Cancels the migration (nothing is applied then: it runs in one transaction).</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no host.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, refuses to create the tables, or holds a newer schema; the message names what to fix.</exception>
    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = await new PostgreSqlDatabase(connectionString).OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}

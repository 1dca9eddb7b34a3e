using System.Net.Sockets;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// One PostgreSQL database: opens a connection per operation (pooled by Npgsql, so this is cheap and safe from any
/// number of threads) and brings the schema up to date on first use. A server that cannot be reached or refuses the
/// credentials is reported as an <see cref="InvalidOperationException"/> that names what to fix.
/// </summary>
internal sealed class PostgreSqlDatabase
{
    private readonly string connectionString;
    private readonly string host;
    private readonly int port;
    private readonly string? username;
    private readonly string? databaseName;
    private volatile bool migrated;

    public PostgreSqlDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"The PostgreSQL connection string is invalid: {e.Message} Give one like \"Host=db.example.com;Port=5432;Username=exportkit;Password=...;Database=exportkit\".",
                nameof(connectionString), e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException(
                "The PostgreSQL connection string names no Host: give one, for example \"Host=db.example.com;Username=exportkit;Database=exportkit\".",
                nameof(connectionString));
        }

        host = builder.Host;
        port = builder.Port;
        username = builder.Username;
        databaseName = builder.Database;
        this.connectionString = builder.ConnectionString;
    }

    /// <summary>Opens a connection, migrating the schema the first time.</summary>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, has no such database, or holds a newer schema.</exception>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Explain(e) is { } message)
            {
                throw new InvalidOperationException(message, e);
            }

            if (!migrated)
            {
                // Several threads or processes may get here at once; the migrator serialises them on an advisory lock.
                await PostgreSqlMigrator.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
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

    /// <summary>What to fix when a connection cannot be opened, or <see langword="null"/> for an error this does not recognise.</summary>
    private string? Explain(Exception exception)
    {
        var server = $"the PostgreSQL server at {host}:{port}";
        return exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } e =>
                $"{server} refused the credentials of user '{username}' ({e.MessageText}): check Username and Password in the connection string, and that pg_hba.conf allows this user from this machine.",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"{server} has no database '{databaseName}': create it (CREATE DATABASE), or fix Database in the connection string.",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } e =>
                $"{server} refused user '{username}' ({e.MessageText}): grant it CONNECT on database '{databaseName}'.",
            PostgresException => null,
            NpgsqlException { InnerException: SocketException or IOException or TimeoutException } or NpgsqlException { IsTransient: true } =>
                $"Could not connect to {server} ({exception.InnerException?.Message ?? exception.Message}): check Host and Port in the connection string, that the server is running, and that it accepts TCP connections from this machine (listen_addresses, firewall).",
            _ => null,
        };
    }
}

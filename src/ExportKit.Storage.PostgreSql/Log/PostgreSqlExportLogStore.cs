using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// An <see cref="IExportLogStore"/> kept in a PostgreSQL database: entries survive restarts and are shared by every
/// machine that uses the database, and the database itself refuses to update or delete them. Each entry is stored as
/// its JSON, beside columns for the filters. Safe to use from any number of threads and processes; the schema is
/// created on first use.
/// </summary>
public sealed class PostgreSqlExportLogStore : IExportLogStore
{
    private readonly PostgreSqlDatabase database;

    /// <summary>Creates a store on a database, which may also hold the export registry.</summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no host.</exception>
    public PostgreSqlExportLogStore(string connectionString)
    {
        database = new PostgreSqlDatabase(connectionString);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, or holds a newer schema; the message names what to fix.</exception>
    public async ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = ExportLogJson.Serialize(entry);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("""
                INSERT INTO export_log ("timestamp", tenant_id, facility_id, entry_type, user_id, json)
                VALUES (@timestamp, @tenant_id, @facility_id, @entry_type, @user_id, @json);
                """, connection);
            command.Parameters.AddText("timestamp", PostgreSqlInstants.Format(entry.Timestamp));
            command.Parameters.AddText("tenant_id", entry.TenantId);
            command.Parameters.AddText("facility_id", entry.FacilityId);
            command.Parameters.AddText("entry_type", entry.EntryType);
            command.Parameters.AddText("user_id", entry.UserId);
            command.Parameters.AddJson("json", json);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>The entries stream from the database as they are read; an entry appended during the read may or may not be seen.</remarks>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and cannot be read; the message names its id.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, or holds a newer schema; the message names what to fix.</exception>
    public IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(filter, cancellationToken);

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "BuildSelect joins constant SQL fragments; every value of the filter goes in as a parameter.")]
    private async IAsyncEnumerable<ExportLogEntry> ReadCoreAsync(
        ExportLogFilter? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = BuildSelect(filter, command.Parameters);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return ExportLogJson.Read(reader);
                }
            }
        }
    }

    // The SQL is made of constant fragments only; every value is a parameter.
    private static string BuildSelect(ExportLogFilter? filter, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder("SELECT id, json::text FROM export_log WHERE true");
        if (filter?.TenantId is { } tenantId)
        {
            sql.Append(" AND tenant_id = @tenant_id");
            parameters.AddText("tenant_id", tenantId);
        }

        if (filter?.EntryType is { } entryType)
        {
            sql.Append(" AND entry_type = @entry_type");
            parameters.AddText("entry_type", entryType);
        }

        if (filter?.From is { } from)
        {
            sql.Append(" AND \"timestamp\" >= @from");
            parameters.AddText("from", PostgreSqlInstants.Format(from));
        }

        if (filter?.To is { } to)
        {
            sql.Append(" AND \"timestamp\" < @to");
            parameters.AddText("to", PostgreSqlInstants.Format(to));
        }

        return sql.Append(" ORDER BY id;").ToString();
    }
}

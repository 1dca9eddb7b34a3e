using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// An <see cref="IExportLogStore"/> kept in a SQLite database file: entries survive restarts, and the database itself
/// refuses to update or delete them. Each entry is stored as its JSON, beside columns for the filters. Safe to use from
/// any number of threads and processes; the schema is created on first use.
/// </summary>
public sealed class SqliteExportLogStore : IExportLogStore
{
    private readonly SqliteDatabase database;

    /// <summary>Creates a store on a database file, which may also hold the audit events and the export registry.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, for example <c>Data Source=exportkit.db</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid, in-memory or read-only.</exception>
    public SqliteExportLogStore(string connectionString)
    {
        database = new SqliteDatabase(connectionString);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    public async ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = ExportLogJson.Serialize(entry);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO export_log (timestamp, tenant_id, facility_id, entry_type, user_id, json)
                VALUES (@timestamp, @tenant_id, @facility_id, @entry_type, @user_id, @json);
                """;
            command.Parameters.Add("@timestamp", SqliteInstants.Format(entry.Timestamp));
            command.Parameters.Add("@tenant_id", entry.TenantId);
            command.Parameters.Add("@facility_id", entry.FacilityId);
            command.Parameters.Add("@entry_type", entry.EntryType);
            command.Parameters.Add("@user_id", entry.UserId);
            command.Parameters.Add("@json", json);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>The entries stream from the database as they are read; an entry appended during the read may or may not be seen.</remarks>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and cannot be read; the message names its id.</exception>
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
    private static string BuildSelect(ExportLogFilter? filter, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder("SELECT id, json FROM export_log WHERE 1 = 1");
        if (filter?.TenantId is { } tenantId)
        {
            sql.Append(" AND tenant_id = @tenant_id");
            parameters.Add("@tenant_id", tenantId);
        }

        if (filter?.EntryType is { } entryType)
        {
            sql.Append(" AND entry_type = @entry_type");
            parameters.Add("@entry_type", entryType);
        }

        if (filter?.From is { } from)
        {
            sql.Append(" AND timestamp >= @from");
            parameters.Add("@from", SqliteInstants.Format(from));
        }

        if (filter?.To is { } to)
        {
            sql.Append(" AND timestamp < @to");
            parameters.Add("@to", SqliteInstants.Format(to));
        }

        return sql.Append(" ORDER BY id;").ToString();
    }
}

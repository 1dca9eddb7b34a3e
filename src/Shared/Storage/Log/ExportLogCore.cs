using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ExportKit.Storage;

/// <summary>
/// What an SQL <see cref="IExportLogStore"/> does the same on every database: append an entry as its JSON beside the
/// filter columns, and read entries back in order through a filter. The provider passes its SQL (the insert, the
/// select's head, how the <c>timestamp</c> column is named), how it binds values and reads a row, and how it opens a
/// connection.
/// </summary>
/// <param name="insertSql">Inserts one entry; parameters <c>timestamp</c>, <c>tenant_id</c>, <c>facility_id</c>, <c>entry_type</c>, <c>user_id</c>, <c>json</c>.</param>
/// <param name="selectSql">The select up to its first condition (<c>id</c>, then the JSON as text), which the filter's conditions follow as <c>AND</c>s.</param>
/// <param name="timestampColumn">The <c>timestamp</c> column as the database wants it written in a condition.</param>
/// <param name="bind">How the database binds each kind of value.</param>
/// <param name="serialize">An entry's stored JSON.</param>
/// <param name="read">An entry from a row of <c>id</c> and the JSON text.</param>
/// <param name="open">Opens a connection to the database.</param>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The provider's constant SQL, and a select joined from constant fragments; every value goes in as a parameter.")]
internal sealed class ExportLogCore(
    string insertSql,
    string selectSql,
    string timestampColumn,
    StoreParameters bind,
    Func<ExportLogEntry, string> serialize,
    Func<DbDataReader, ExportLogEntry> read,
    Func<CancellationToken, Task<DbConnection>> open)
{
    public async ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = serialize(entry);
        var connection = await open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = insertSql;
            bind.AddInstant(command.Parameters, "timestamp", entry.Timestamp);
            bind.AddText(command.Parameters, "tenant_id", entry.TenantId);
            bind.AddText(command.Parameters, "facility_id", entry.FacilityId);
            bind.AddText(command.Parameters, "entry_type", entry.EntryType);
            bind.AddText(command.Parameters, "user_id", entry.UserId);
            bind.AddJson(command.Parameters, "json", json);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter, CancellationToken cancellationToken) =>
        StoreReads.ReadAllAsync(open, command => command.CommandText = BuildSelect(filter, command.Parameters), read, cancellationToken);

    // The SQL is made of constant fragments only; every value is a parameter.
    private string BuildSelect(ExportLogFilter? filter, DbParameterCollection parameters)
    {
        var sql = new StringBuilder(selectSql);
        if (filter?.TenantId is { } tenantId)
        {
            sql.Append(" AND tenant_id = @tenant_id");
            bind.AddText(parameters, "tenant_id", tenantId);
        }

        if (filter?.EntryType is { } entryType)
        {
            sql.Append(" AND entry_type = @entry_type");
            bind.AddText(parameters, "entry_type", entryType);
        }

        if (filter?.From is { } from)
        {
            sql.Append(" AND ").Append(timestampColumn).Append(" >= @from");
            bind.AddInstant(parameters, "from", from);
        }

        if (filter?.To is { } to)
        {
            sql.Append(" AND ").Append(timestampColumn).Append(" < @to");
            bind.AddInstant(parameters, "to", to);
        }

        return sql.Append(" ORDER BY id;").ToString();
    }
}

using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// An <see cref="IExportLogStore"/> kept in a SQLite database file: entries survive restarts, and the database itself
/// refuses to update or delete them. Each entry is stored as its JSON, beside columns for the filters. Safe to use from
/// any number of threads and processes; the schema is created on first use.
/// </summary>
public sealed class SqliteExportLogStore : IExportLogStore
{
    private const string InsertSql = """
        INSERT INTO export_log (timestamp, tenant_id, facility_id, entry_type, user_id, json)
        VALUES (@timestamp, @tenant_id, @facility_id, @entry_type, @user_id, @json);
        """;

    private const string SelectSql = "SELECT id, json FROM export_log WHERE 1 = 1";

    private readonly ExportLogCore core;

    /// <summary>Creates a store on a database file, which may also hold the audit events and the export registry.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, for example <c>Data Source=exportkit.db</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid, in-memory or read-only.</exception>
    public SqliteExportLogStore(string connectionString)
    {
        var database = new SqliteDatabase(connectionString);
        core = new ExportLogCore(
            InsertSql,
            SelectSql,
            "timestamp",
            SqliteParameters.Instance,
            ExportLogJson.Serialize,
            reader => ExportLogJson.Read((SqliteDataReader)reader),
            async cancellationToken => await database.OpenAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    public ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default) =>
        core.AppendAsync(entry, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The entries stream from the database as they are read; an entry appended during the read may or may not be seen.</remarks>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and cannot be read; the message names its id.</exception>
    public IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, CancellationToken cancellationToken = default) =>
        core.ReadAsync(filter, cancellationToken);
}

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
    private const string InsertSql = """
        INSERT INTO export_log ("timestamp", tenant_id, facility_id, entry_type, user_id, json)
        VALUES (@timestamp, @tenant_id, @facility_id, @entry_type, @user_id, @json);
        """;

    private const string SelectSql = "SELECT id, json::text FROM export_log WHERE true";

    private readonly ExportLogCore core;

    /// <summary>Creates a store on a database, which may also hold the export registry.</summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no host.</exception>
    public PostgreSqlExportLogStore(string connectionString)
    {
        var database = new PostgreSqlDatabase(connectionString);
        core = new ExportLogCore(
            InsertSql,
            SelectSql,
            "\"timestamp\"",
            PostgreSqlParameters.Instance,
            ExportLogJson.Serialize,
            reader => ExportLogJson.Read((NpgsqlDataReader)reader),
            async cancellationToken => await database.OpenAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, or holds a newer schema; the message names what to fix.</exception>
    public ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default) =>
        core.AppendAsync(entry, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The entries stream from the database as they are read; an entry appended during the read may or may not be seen.</remarks>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and cannot be read; the message names its id.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, or holds a newer schema; the message names what to fix.</exception>
    public IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, CancellationToken cancellationToken = default) =>
        core.ReadAsync(filter, cancellationToken);
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// An <see cref="IAuditEventStore"/> kept in a SQLite database file. The sequence is the table's primary key, so of two
/// writers appending the same sequence exactly one succeeds, from any number of threads or processes; the database's
/// own triggers refuse to update or delete an event. Every filter of a query runs in SQL, on indexed columns.
/// Appends go through one connection the store holds, with the insert prepared once, and a batch
/// (<see cref="TryAppendBatchAsync"/>) is one transaction: dispose of the store to close that connection.
/// </summary>
public sealed partial class SqliteAuditEventStore : IAuditEventStore, IAuditTreeStore, IAuditAppendLock, IDisposable
{
    private readonly SqliteDatabase database;
    private readonly SqliteAuditWriter writer;

    /// <summary>Creates a store on a database file, which may also hold the export log and the export registry.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, for example <c>Data Source=exportkit.db</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid, in-memory or read-only.</exception>
    public SqliteAuditEventStore(string connectionString)
    {
        database = new SqliteDatabase(connectionString);
        writer = new SqliteAuditWriter(database);
    }

    /// <inheritdoc />
    public async ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {AuditEventRows.Columns} FROM audit_events ORDER BY sequence DESC LIMIT 1;";
            return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Another event with the same id is stored at a different sequence.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed of.</exception>
    public async ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return await writer.AppendAsync([auditEvent], cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <remarks>The whole batch is one transaction: it returns all of the events, or 0 when a sequence was taken.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="auditEvents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">An event's id is already stored at a different sequence; nothing was appended.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed of.</exception>
    public ValueTask<int> TryAppendBatchAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        for (var i = 0; i < auditEvents.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(auditEvents[i], $"{nameof(auditEvents)}[{i}]");
        }

        return auditEvents.Count == 0 ? ValueTask.FromResult(0) : writer.AppendAsync(auditEvents, cancellationToken);
    }

    /// <summary>Closes the connection the store appends through. Reads open their own connections and are not affected.</summary>
    public void Dispose() => writer.Dispose();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="limit"/> is negative.</exception>
    /// <exception cref="InvalidDataException">A matching row was changed outside ExportKit and is malformed; the message names its sequence, id and column.</exception>
    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return QueryCoreAsync(query, offset, limit, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The rows stream from the database as they are read: the chain is never held in memory. Each is decoded as the
    /// queries decode it, so a row they would not see (a BLOB tenant id, an upper-case severity, a garbage timestamp or
    /// JSON) comes back as <see cref="AuditChainRow.Malformed"/> naming its column.
    /// </remarks>
    public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync(
            static (_, command) => command.CommandText = $"SELECT {AuditEventRows.Columns} FROM audit_events ORDER BY sequence;",
            AuditEventRows.Decode,
            cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The row was changed outside ExportKit and is malformed; the message names its sequence, id and column.</exception>
    public async ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(id);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {AuditEventRows.Columns} FROM audit_events WHERE tenant_id = @tenant_id AND id = @id;";
            command.Parameters.Add("@tenant_id", tenantId);
            command.Parameters.Add("@id", id);
            return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "AuditQuerySql.BuildSelect joins constant SQL fragments; every value of the query goes in as a parameter.")]
    private IAsyncEnumerable<AuditEvent> QueryCoreAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken) =>
        ReadAllAsync(
            (connection, command) =>
            {
                if (query.Search is not null)
                {
                    AuditQuerySql.RegisterContains(connection);
                }

                command.CommandText = AuditQuerySql.BuildSelect(query, offset, limit, command.Parameters);
            },
            AuditEventRows.Read,
            cancellationToken);

    // The shared reader (src/Shared/Storage); a query's search registers its function on the command's connection.
    private IAsyncEnumerable<T> ReadAllAsync<T>(Action<SqliteConnection, SqliteCommand> prepare, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        StoreReads.ReadAllAsync(
            async token => await database.OpenAsync(token).ConfigureAwait(false),
            command => prepare((SqliteConnection)command.Connection!, (SqliteCommand)command),
            reader => read((SqliteDataReader)reader),
            cancellationToken);

    private static Task<AuditEvent?> ReadSingleAsync(SqliteCommand command, CancellationToken cancellationToken) =>
        StoreReads.ReadFirstAsync(command, reader => AuditEventRows.Read((SqliteDataReader)reader), cancellationToken);
}

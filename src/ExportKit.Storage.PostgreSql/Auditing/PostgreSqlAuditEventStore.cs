using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// An <see cref="IAuditEventStore"/> kept in a PostgreSQL database that any number of processes on any number of
/// machines append to at once. Appends are serialised on the chain's head (a transaction-scoped advisory lock), and an
/// event is inserted only at the sequence after the last: of two writers the first wins and the second is told to
/// reseal, so the chain has no fork and no gap. The database's own triggers refuse to update, delete or truncate an
/// event. Every filter of a query runs in SQL on an index; the search uses a trigram index. It also keeps the trail's
/// Merkle tree (<see cref="IAuditTreeStore"/>), written in the same transaction as the events.
/// </summary>
public sealed partial class PostgreSqlAuditEventStore : IAuditEventStore, IAuditTreeStore, IAuditAppendLock
{
    private readonly PostgreSqlDatabase database;

    /// <summary>Creates a store on a database, which may also hold the other ExportKit stores.</summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no host.</exception>
    public PostgreSqlAuditEventStore(string connectionString)
    {
        database = new PostgreSqlDatabase(connectionString);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The last row was changed outside ExportKit and is malformed; the message names its sequence, id and column.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, or holds a newer schema; the message names what to fix.</exception>
    public async ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadLastAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// Another event with the same id is stored; or the sequence is beyond the one after the last (it would leave a gap);
    /// or the server cannot be reached, refuses the credentials, or holds a newer schema.
    /// </exception>
    public async ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await AuditAppend.AppendAtHeadAsync(connection, auditEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>One transaction under the chain's lock: all of the events are appended, or none.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="auditEvents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">An id is already stored, or the batch would leave a gap; nothing was appended.</exception>
    public async ValueTask<int> TryAppendBatchAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        for (var i = 0; i < auditEvents.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(auditEvents[i], $"{nameof(auditEvents)}[{i}]");
        }

        if (auditEvents.Count == 0)
        {
            return 0;
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await AuditAppend.AppendBatchAtHeadAsync(connection, auditEvents, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="limit"/> is negative.</exception>
    /// <exception cref="InvalidDataException">A matching row was changed outside ExportKit and is malformed; the message names its sequence, id and column.</exception>
    /// <remarks>The search compares ASCII letters case-insensitively and other characters exactly (the columns are <c>COLLATE "C"</c>).</remarks>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "AuditQuerySql.BuildSelect joins constant SQL fragments; every value of the query goes in as a parameter.")]
    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAllAsync(command => command.CommandText = AuditQuerySql.BuildSelect(query, offset, limit, command.Parameters), AuditEventRows.Read, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The rows stream from the database as they are read: the chain is never held in memory.</remarks>
    public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync(
            static command => command.CommandText = $"SELECT {AuditEventRows.Columns} FROM audit_events ORDER BY sequence;",
            AuditEventRows.Decode,
            cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The row was changed outside ExportKit and is malformed; the message names its sequence, id and column.</exception>
    public async ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(id);
        await foreach (var auditEvent in ReadAllAsync(
            command =>
            {
                command.CommandText = $"SELECT {AuditEventRows.Columns} FROM audit_events WHERE tenant_id = @tenant_id AND id = @id;";
                command.Parameters.AddText("tenant_id", tenantId);
                command.Parameters.AddText("id", id);
            },
            AuditEventRows.Read,
            cancellationToken).ConfigureAwait(false))
        {
            return auditEvent;
        }

        return null;
    }

    // The shared reader (src/Shared/Storage), typed for Npgsql's parameter helpers and row decoder.
    private IAsyncEnumerable<T> ReadAllAsync<T>(Action<NpgsqlCommand> prepare, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        StoreReads.ReadAllAsync(
            async token => await database.OpenAsync(token).ConfigureAwait(false),
            command => prepare((NpgsqlCommand)command),
            reader => read((NpgsqlDataReader)reader),
            cancellationToken);
}

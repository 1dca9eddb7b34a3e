using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The audit store's one writing connection: opened (settings and migration) once and held, with the insert prepared
/// once and its parameters bound by position for each event. Appends are serialised by a lock; each batch is one
/// <c>BEGIN IMMEDIATE</c> transaction, so it is all or none and durable (WAL, the file's <c>synchronous</c> setting) when
/// <see cref="AppendAsync"/> returns. <see cref="RunLockedAsync"/> holds that transaction, and with it the database's
/// write lock, while the trail reads the head and appends (<see cref="IAuditAppendLock"/>).
/// </summary>
internal sealed class SqliteAuditWriter : IDisposable
{
    private readonly SqliteDatabase database;
    [SuppressMessage("Reliability", "CA2213:Disposable fields should be disposed",
        Justification = "Its wait handle is never asked for, so it holds nothing; left undisposed, an append after Dispose gets ObjectDisposedException naming this writer.")]
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private SqliteCommand? insert;
    private SqliteLeafCommands? leafCommands;
    private bool disposed;

    public SqliteAuditWriter(SqliteDatabase database) => this.database = database;

    /// <summary>Appends the events in one transaction.</summary>
    /// <returns>All of them, or 0 when one's sequence was taken by another writer (nothing is appended then).</returns>
    /// <exception cref="InvalidOperationException">An event's id is already stored at another sequence.</exception>
    public ValueTask<int> AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken, IReadOnlyList<AuditLeaf>? leaves = null) =>
        auditEvents.Count == 1 && leaves is null
            ? RunAsync(false, transaction => InsertAsync(transaction, auditEvents, null, cancellationToken), cancellationToken)
            : RunAsync(true, transaction => InsertAsync(transaction, auditEvents, leaves, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one <c>BEGIN IMMEDIATE</c> transaction on the held connection, committed when it
    /// returns more than 0: the database's write lock is held throughout, so nobody appends in between.
    /// </summary>
    public ValueTask<int> RunLockedAsync(Func<SqliteConnection, SqliteTransaction, Task<int>> work, CancellationToken cancellationToken) =>
        RunAsync(true, transaction => work(connection!, transaction!), cancellationToken);

    /// <summary>The tree's size read in <paramref name="transaction"/>, with the prepared statement; only while <see cref="RunLockedAsync"/> runs.</summary>
    public Task<long> TreeSizeAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        leafCommands!.TreeSizeAsync(transaction, cancellationToken);

    /// <summary>
    /// Adds events and their leaves in <paramref name="transaction"/> (or, with none, one event by itself), with the
    /// prepared statements; only while <see cref="RunLockedAsync"/> or <see cref="AppendAsync"/> runs.
    /// </summary>
    /// <returns>All of them, or 0 when one's sequence was taken (roll the transaction back then).</returns>
    /// <exception cref="InvalidOperationException">An event's id is already stored at another sequence.</exception>
    public async Task<int> InsertAsync(SqliteTransaction? transaction, IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf>? leaves, CancellationToken cancellationToken)
    {
        var command = insert!;
        command.Transaction = transaction;
        var current = 0;
        try
        {
            for (; current < auditEvents.Count; current++)
            {
                AuditEventRows.Bind(command.Parameters, auditEvents[current]);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The transparency log's rows go in the same transaction: the tree never lags or leads the events.
            if (leaves is not null)
            {
                await leafCommands!.InsertAsync(transaction!, leaves, cancellationToken).ConfigureAwait(false);
            }

            return auditEvents.Count;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
        {
            // A taken sequence means another writer appended first: the caller rolls back, reseals and retries.
            // Anything else is the caller's mistake.
            var refused = auditEvents[current];
            var held = command.Connection!;
            if (await held.ExistsAsync("SELECT EXISTS (SELECT 1 FROM audit_events WHERE sequence = @value);", refused.Sequence, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (await held.ExistsAsync("SELECT EXISTS (SELECT 1 FROM audit_events WHERE id = @value);", refused.Id, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException(
                    $"The audit event '{refused.Id}' was not stored: an event with that id is already in the trail. Give every event a new id.", e);
            }

            throw;
        }
    }

    /// <summary>Closes the connection once the append in progress, if any, is done; later appends throw.</summary>
    public void Dispose()
    {
        gate.Wait();
        try
        {
            disposed = true;
            Close();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the held connection, one at a time: in a <c>BEGIN IMMEDIATE</c> transaction
    /// committed when it returns more than 0, or (<paramref name="inTransaction"/> false, for one statement) on its own,
    /// which autocommit makes the same guarantee without BEGIN and COMMIT.
    /// </summary>
    private async ValueTask<int> RunAsync(bool inTransaction, Func<SqliteTransaction?, Task<int>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var command = insert ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!inTransaction)
                {
                    return await work(null).ConfigureAwait(false);
                }

                // BEGIN IMMEDIATE: the write lock is taken first (waiting up to busy_timeout for another process), so the
                // batch never fails half-way for want of it. Microsoft.Data.Sqlite runs it synchronously either way.
#pragma warning disable CA1849 // BeginTransactionAsync has no "deferred" parameter.
                using var transaction = command.Connection!.BeginTransaction(deferred: false);
#pragma warning restore CA1849
                var done = await work(transaction).ConfigureAwait(false);
                if (done > 0)
                {
                    // Disposing the transaction without this rolls the whole batch back.
#pragma warning disable CA1849 // CommitAsync is the same synchronous call wrapped in a task.
                    transaction.Commit();
#pragma warning restore CA1849
                }

                return done;
            }
            catch (Exception e) when (e is not InvalidOperationException and not ArgumentException)
            {
                // An I/O or other failure may have left the connection unusable: open a fresh one for the next batch.
                // (A refused event or argument is the caller's mistake; the connection is fine.)
                Close();
                throw;
            }
            finally
            {
                if (insert is not null)
                {
                    insert.Transaction = null;
                }

                leafCommands?.Release();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SqliteCommand> OpenAsync(CancellationToken cancellationToken)
    {
        connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var command = connection.CreateCommand();
        command.CommandText = AuditEventRows.Insert;
        foreach (var name in AuditEventRows.ParameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        insert = command;
        leafCommands = new SqliteLeafCommands(connection);
        return command;
    }

    // Microsoft.Data.Sqlite closes synchronously; DisposeAsync only wraps it.
    private void Close()
    {
        leafCommands?.Dispose();
        leafCommands = null;
        insert?.Dispose();
        insert = null;
        connection?.Dispose();
        connection = null;
    }
}

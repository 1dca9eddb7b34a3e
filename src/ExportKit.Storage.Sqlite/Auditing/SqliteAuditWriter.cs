using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The audit store's one writing connection: opened (settings and migration) once and held, with the insert prepared
/// once and its parameters bound by position for each event. Appends are serialised by a lock; each batch is one
/// <c>BEGIN IMMEDIATE</c> transaction, so it is all or none and durable (WAL, the file's <c>synchronous</c> setting) when
/// <see cref="AppendAsync"/> returns.
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
    public async ValueTask<int> AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken, IReadOnlyList<AuditLeaf>? leaves = null)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var command = insert ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
            var current = 0;
            try
            {
                if (auditEvents.Count == 1 && leaves is null)
                {
                    // One statement is its own transaction (autocommit): the same guarantee without BEGIN and COMMIT.
                    AuditEventRows.Bind(command.Parameters, auditEvents[0]);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    return 1;
                }

                // BEGIN IMMEDIATE: the write lock is taken first (waiting up to busy_timeout for another process), so the
                // batch never fails half-way for want of it. Microsoft.Data.Sqlite runs it synchronously either way.
#pragma warning disable CA1849 // BeginTransactionAsync has no "deferred" parameter.
                using var transaction = command.Connection!.BeginTransaction(deferred: false);
#pragma warning restore CA1849
                command.Transaction = transaction;
                for (; current < auditEvents.Count; current++)
                {
                    AuditEventRows.Bind(command.Parameters, auditEvents[current]);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                // The transparency log's rows go in the same transaction: the tree never lags or leads the events.
                foreach (var leaf in leaves ?? [])
                {
                    await leafCommands!.InsertAsync(transaction, leaf, cancellationToken).ConfigureAwait(false);
                }

                // Disposing the transaction without this rolls the whole batch back.
#pragma warning disable CA1849 // CommitAsync is the same synchronous call wrapped in a task.
                transaction.Commit();
#pragma warning restore CA1849
                return auditEvents.Count;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
            {
                // Rolled back. A taken sequence means another writer appended first: the caller reseals and retries.
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
            catch
            {
                // An I/O or other failure may have left the connection unusable: open a fresh one for the next batch.
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

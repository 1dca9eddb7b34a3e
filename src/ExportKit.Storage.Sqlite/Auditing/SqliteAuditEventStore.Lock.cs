using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The database's write lock held for a whole append (<see cref="IAuditAppendLock"/>): one <c>BEGIN IMMEDIATE</c>
/// transaction on the store's writing connection, in which the trail reads the head and appends.
/// </summary>
public sealed partial class SqliteAuditEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The lock is SQLite's write lock on the database file, which every writer of the file takes, in any process: it
    /// is waited for up to the connection's busy timeout, and released when the transaction commits or rolls back.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="append"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed of.</exception>
    public ValueTask<int> AppendUnderLockAsync(Func<IAuditAppendSession, CancellationToken, ValueTask<int>> append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        return writer.RunLockedAsync(
            async (connection, transaction) =>
            {
                var session = new SqliteAppendSession(writer, connection, transaction);
                try
                {
                    return await append(session, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    session.End();
                }
            },
            cancellationToken);
    }

    /// <summary>The store inside the locked transaction; usable only while the trail's append runs.</summary>
    private sealed class SqliteAppendSession(SqliteAuditWriter writer, SqliteConnection connection, SqliteTransaction transaction) : IAuditAppendSession
    {
        private bool ended;

        public async ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfEnded();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {AuditEventRows.Columns} FROM audit_events ORDER BY sequence DESC LIMIT 1;";
            return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfEnded();
            return await writer.TreeSizeAsync(transaction, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(indexes);
            ThrowIfEnded();
            return await SqliteAuditEventStore.ReadHashesAsync(connection, transaction, indexes, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default)
        {
            AuditLeafArguments.Check(auditEvents, leaves);
            ThrowIfEnded();
            if (auditEvents.Count == 0)
            {
                return 0;
            }

            var appended = await writer.InsertAsync(transaction, auditEvents, leaves, cancellationToken).ConfigureAwait(false);
            if (appended != auditEvents.Count)
            {
                // SQLite keeps the rows a failed batch added before the refused one: nothing more may be added to them.
                End();
            }

            return appended;
        }

        public void End() => ended = true;

        private void ThrowIfEnded()
        {
            if (ended)
            {
                throw new InvalidOperationException("The audit append session has ended: use it only inside the AppendUnderLockAsync callback that received it, and not after an append it refused.");
            }
        }
    }
}

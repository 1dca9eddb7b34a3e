using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// The chain's advisory lock held for a whole append (<see cref="IAuditAppendLock"/>): one transaction takes it, the
/// trail reads the head and appends through that transaction, and it is committed when the trail is done.
/// </summary>
public sealed partial class PostgreSqlAuditEventStore
{
    private const string LastEvent = $"SELECT {AuditEventRows.Columns} FROM audit_events ORDER BY sequence DESC LIMIT 1;";
    private const string LeafCount = "SELECT coalesce(max(sequence), 0) FROM audit_leaves;";

    /// <inheritdoc />
    /// <remarks>
    /// The lock is the transaction-scoped advisory lock every append to this table takes, from any process: it is
    /// released when the transaction commits or rolls back, also when the connection is lost. The last event and the
    /// tree's size are read in the same round trip as the lock is taken, since every append under it starts with them.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="append"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, refuses the credentials, or holds a newer schema.</exception>
    public async ValueTask<int> AppendUnderLockAsync(Func<IAuditAppendSession, CancellationToken, ValueTask<int>> append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var session = await PostgreSqlAppendSession.StartAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                int appended;
                try
                {
                    appended = await append(session, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    session.End();
                }

                if (appended > 0)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                return appended; // nothing appended: rolled back at dispose, which releases the lock
            }
        }
    }

    private static async Task<AuditEvent?> ReadLastAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(LastEvent, connection, transaction);
        return await StoreReads.ReadFirstAsync(command, reader => AuditEventRows.Read((NpgsqlDataReader)reader), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store inside the locked transaction; usable only while the trail's append runs.</summary>
    private sealed class PostgreSqlAppendSession(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAuditAppendSession
    {
        private bool ended;

        // What was read under the lock, until the session appends: the head cannot move otherwise.
        private bool known;
        private AuditEvent? last;
        private long treeSize;

        /// <summary>Takes the lock and reads the last event and the tree's size, in one round trip.</summary>
        public static async Task<PostgreSqlAppendSession> StartAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
        {
            // Under READ COMMITTED each statement takes its snapshot when it starts: the reads see every append
            // committed before the lock was granted.
            using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(AuditEventRows.LockHead));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(LastEvent));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(LeafCount));
            var session = new PostgreSqlAppendSession(connection, transaction) { known = true };
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                session.last = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? AuditEventRows.Read(reader) : null;
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                session.treeSize = reader.GetInt64(0);
            }

            return session;
        }

        public async ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfEnded();
            return known ? last : await ReadLastAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfEnded();
            return known ? treeSize : await TreeSizeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(indexes);
            ThrowIfEnded();
            return await PostgreSqlAuditEventStore.ReadHashesAsync(connection, transaction, indexes, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default)
        {
            AuditLeafArguments.Check(auditEvents, leaves);
            ThrowIfEnded();
            if (auditEvents.Count == 0)
            {
                return 0;
            }

            (long, long)? sizes = known ? (last?.Sequence ?? 0, treeSize) : null;
            known = false;
            var appended = await AuditTreeAppend.AppendInAsync(connection, transaction, auditEvents, leaves, sizes, cancellationToken).ConfigureAwait(false);
            if (appended != auditEvents.Count)
            {
                End(); // the transaction is to be rolled back: nothing more may be added to it
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

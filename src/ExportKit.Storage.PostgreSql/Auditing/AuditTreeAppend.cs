using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Events with their leaves, tree hashes and commitments, in one transaction under the chain's advisory lock (the lock
/// every append takes), so the tree never lags or leads the events whichever process appends. Under the lock the head
/// and the tree's size are read first: a taken first sequence appends nothing and returns 0 (the caller reseals), a
/// tree that is not at the first event's place is refused before anything is written.
/// </summary>
internal static class AuditTreeAppend
{
    private const string Sizes = """
        SELECT (SELECT coalesce(max(sequence), 0) FROM audit_events), (SELECT coalesce(max(sequence), 0) FROM audit_leaves);
        """;

    private const string InsertLeaf = "INSERT INTO audit_leaves (sequence, data) VALUES (@sequence, @data);";

    private const string InsertHashes = """
        INSERT INTO audit_tree_hashes (hash_index, hash)
        SELECT @first + t.n - 1, t.hash FROM unnest(@hashes) WITH ORDINALITY AS t(hash, n);
        """;

    private const string InsertCommitments = """
        INSERT INTO audit_commitments (sequence, field, commitment, salt)
        SELECT @sequence, t.field, t.commitment, t.salt FROM unnest(@fields, @commitments, @salts) AS t(field, commitment, salt);
        """;

    /// <returns>All of the events, or 0 when the first one's sequence is taken.</returns>
    /// <exception cref="InvalidOperationException">An id is taken, the batch would leave a gap, a leaf's event is not stored, or the tree is not at the first leaf's place; nothing was written.</exception>
    public static async Task<int> AppendAsync(NpgsqlConnection connection, IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var appended = await AppendInAsync(connection, transaction, auditEvents, leaves, null, cancellationToken).ConfigureAwait(false);
            if (appended > 0)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return appended; // 0: rolled back at dispose
        }
    }

    /// <summary>
    /// As <see cref="AppendAsync"/>, in a transaction the caller commits. The chain's lock is taken and the sizes read
    /// first, unless the caller holds the lock in this transaction already and gives the sizes it read under it.
    /// </summary>
    /// <returns>All of the events, or 0 when the first one's sequence is taken: the transaction is then to be rolled back.</returns>
    public static async Task<int> AppendInAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, (long Head, long Size)? locked, CancellationToken cancellationToken)
    {
        var (head, size) = locked ?? await LockAndReadSizesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var first = auditEvents[0];
        if (first.Sequence <= head)
        {
            return 0; // another writer appended this sequence first
        }

        if (first.Sequence > head + 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The audit event '{first.Id}' was not stored: its sequence {first.Sequence} would leave a gap after the last, {head}. Seal events with the sequence after the store's last event (AuditTrail does)."));
        }

        ThrowIfNotNext(size, leaves[0]);
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var auditEvent in auditEvents)
        {
            var insert = new NpgsqlBatchCommand(AuditEventRows.InsertAtHead);
            AuditEventRows.AddParameters(insert.Parameters, auditEvent);
            batch.BatchCommands.Add(insert);
        }

        foreach (var leaf in leaves)
        {
            AddLeaf(batch, leaf);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "audit_events_pkey")
        {
            return 0; // only a writer that bypasses the lock can race to the primary key
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "audit_events")
        {
            throw new InvalidOperationException(
                $"The audit events were not stored: one of their ids ('{auditEvents[0].Id}' … '{auditEvents[^1].Id}') is already in the trail. Give every event a new id.", e);
        }

        for (var i = 0; i < auditEvents.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected != 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The audit events were not stored: the event '{auditEvents[i].Id}' (sequence {auditEvents[i].Sequence}) does not follow the one before it in the batch. Seal a batch's events one after another (AuditTrail does)."));
            }
        }

        return auditEvents.Count;
    }

    /// <returns><see langword="false"/> when the leaf is already stored.</returns>
    /// <exception cref="InvalidOperationException">The leaf is not the next one, or its event is not stored.</exception>
    public static async Task<bool> AddLeafAsync(NpgsqlConnection connection, AuditLeaf leaf, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var (_, size) = await LockAndReadSizesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (leaf.Sequence <= size)
            {
                return false;
            }

            ThrowIfNotNext(size, leaf);
            using var batch = new NpgsqlBatch(connection, transaction);
            AddLeaf(batch, leaf);
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The leaf of sequence {leaf.Sequence} was not added: no event with that sequence is stored. Add leaves only to stored events."), e);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private static async Task<(long Head, long Size)> LockAndReadSizesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Two statements in one round trip: under READ COMMITTED each takes its snapshot when it starts, so the sizes
        // are read after the lock is held and see every append committed before it.
        using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AuditEventRows.LockHead));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Sizes));
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    private static void ThrowIfNotNext(long size, AuditLeaf leaf)
    {
        if (leaf.Sequence != size + 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The tree has {size} leaves, so the next is sequence {size + 1}, not {leaf.Sequence}: add the missing leaves first."));
        }
    }

    private static void AddLeaf(NpgsqlBatch batch, AuditLeaf leaf)
    {
        var data = new NpgsqlBatchCommand(InsertLeaf);
        data.Parameters.AddWithValue("sequence", leaf.Sequence);
        data.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = leaf.Data.ToArray() });
        batch.BatchCommands.Add(data);

        if (leaf.Hashes.Count > 0)
        {
            var hashes = new NpgsqlBatchCommand(InsertHashes);
            hashes.Parameters.AddWithValue("first", TreeIndex.StoredHashIndex(0, leaf.Sequence - 1));
            hashes.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = leaf.Hashes.ToArray() });
            batch.BatchCommands.Add(hashes);
        }

        if (leaf.Commitments.Count > 0)
        {
            var commitments = new NpgsqlBatchCommand(InsertCommitments);
            commitments.Parameters.AddWithValue("sequence", leaf.Sequence);
            commitments.Parameters.Add(new NpgsqlParameter("fields", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = leaf.Commitments.Select(c => c.Field).ToArray() });
            commitments.Parameters.Add(new NpgsqlParameter("commitments", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = leaf.Commitments.Select(c => c.Commitment.ToArray()).ToArray() });
            commitments.Parameters.Add(new NpgsqlParameter("salts", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = leaf.Commitments.Select(c => c.Salt?.ToArray()).ToArray() });
            batch.BatchCommands.Add(commitments);
        }
    }
}

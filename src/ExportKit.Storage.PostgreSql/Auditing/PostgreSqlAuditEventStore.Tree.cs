using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// The transparency log's tables (schema step 4): an event, its leaf, its tree hashes and its commitments are written in
/// one transaction under the chain's advisory lock; stored hashes are read by index in one query however many are asked for.
/// </summary>
public sealed partial class PostgreSqlAuditEventStore
{
    /// <inheritdoc />
    /// <remarks>One transaction under the chain's advisory lock: all of them, or 0 when the first sequence was taken.</remarks>
    /// <exception cref="ArgumentNullException">An argument or an item is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The leaves are not the events', one each in the same order.</exception>
    /// <exception cref="InvalidOperationException">An event's id is taken, the batch would leave a gap, or the tree is not at the first event's place (add the missing leaves first); nothing was appended.</exception>
    public async ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default)
    {
        AuditLeafArguments.Check(auditEvents, leaves);
        if (auditEvents.Count == 0)
        {
            return 0;
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await AuditTreeAppend.AppendAsync(connection, auditEvents, leaves, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="leaf"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The leaf's event is not stored, or the leaf is not the next one.</exception>
    public async ValueTask<bool> TryAddLeafAsync(AuditLeaf leaf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await AuditTreeAppend.AddLeafAsync(connection, leaf, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await TreeSizeAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="indexes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is not stored.</exception>
    public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        if (indexes.Count == 0)
        {
            return [];
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadHashesAsync(connection, null, indexes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromSequence"/> is less than 1.</exception>
    /// <remarks>The leaves stream from the database as they are read.</remarks>
    public IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        return ReadLeavesCoreAsync(fromSequence, cancellationToken);
    }

    private static async Task<long> TreeSizeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(LeafCount, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<byte[]>> ReadHashesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        if (indexes.Count == 0)
        {
            return [];
        }

        using var command = new NpgsqlCommand("""
            SELECT t.hash_index, h.hash FROM unnest(@indexes) WITH ORDINALITY AS t(hash_index, n)
            LEFT JOIN audit_tree_hashes AS h ON h.hash_index = t.hash_index
            ORDER BY t.n;
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("indexes", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = indexes.ToArray() });
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await TreeHashRows.ReadAsync(reader, indexes, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<AuditLeaf> ReadLeavesCoreAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand(AuditLeafRows.SelectFrom, connection);
            command.Parameters.AddWithValue("from", fromSequence);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await foreach (var leaf in AuditLeafRows.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
                {
                    yield return leaf;
                }
            }
        }
    }
}

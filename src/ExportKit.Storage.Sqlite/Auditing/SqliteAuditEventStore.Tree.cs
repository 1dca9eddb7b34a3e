using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The transparency log's tables (schema step 4): an event, its leaf, its tree hashes and its commitments are written in
/// one <c>BEGIN IMMEDIATE</c> transaction, so the tree never lags or leads the events; stored hashes are read by index in
/// one query however many are asked for.
/// </summary>
public sealed partial class SqliteAuditEventStore
{
    /// <inheritdoc />
    /// <remarks>The events and leaves are one transaction on the store's writing connection: all of them, or 0 when a sequence was taken.</remarks>
    /// <exception cref="ArgumentNullException">An argument or an item is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The leaves are not the events', one each in the same order.</exception>
    /// <exception cref="InvalidOperationException">An event's id is taken, or the tree is not at the first event's place (add the missing leaves first); nothing was appended.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed of.</exception>
    public ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default)
    {
        AuditLeafArguments.Check(auditEvents, leaves);
        return auditEvents.Count == 0 ? ValueTask.FromResult(0) : writer.AppendAsync(auditEvents, cancellationToken, leaves);
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
#pragma warning disable CA1849 // as above: BEGIN IMMEDIATE
            using var transaction = connection.BeginTransaction(deferred: false);
#pragma warning restore CA1849
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT EXISTS (SELECT 1 FROM audit_leaves WHERE sequence = @value);";
                command.Parameters.AddWithValue("@value", leaf.Sequence);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1)
                {
                    return false;
                }
            }

            await InsertLeafAsync(connection, transaction, leaf, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
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
    public IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        return ReadLeavesCoreAsync(fromSequence, cancellationToken);
    }

    private static async Task<long> TreeSizeAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var commands = new SqliteLeafCommands(connection);
        return await commands.TreeSizeAsync(transaction, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<byte[]>> ReadHashesAsync(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        if (indexes.Count == 0)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT j.value, h.hash FROM json_each(@indexes) AS j
            LEFT JOIN audit_tree_hashes AS h ON h.hash_index = j.value
            ORDER BY j.key;
            """;
        command.Parameters.AddWithValue("@indexes", JsonSerializer.Serialize(indexes));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await TreeHashRows.ReadAsync(reader, indexes, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static async Task InsertLeafAsync(SqliteConnection connection, SqliteTransaction transaction, AuditLeaf leaf, CancellationToken cancellationToken)
    {
        using var commands = new SqliteLeafCommands(connection);
        await commands.InsertAsync(transaction, [leaf], cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<AuditLeaf> ReadLeavesCoreAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = AuditLeafRows.SelectFrom;
            command.Parameters.AddWithValue("@from", fromSequence);
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

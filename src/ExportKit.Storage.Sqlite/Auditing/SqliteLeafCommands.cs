using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The statements that add a leaf of the transparency log (the tree's size, the leaf, its stored hashes, its
/// commitments), made once per connection: the audit writer holds one set beside its prepared event insert, so an
/// append does not prepare its statements again for every event. A batch reads the tree's size once.
/// </summary>
internal sealed class SqliteLeafCommands : IDisposable
{
    private readonly SqliteCommand size;
    private readonly SqliteCommand leafInsert;
    private readonly SqliteCommand hashInsert;
    private readonly SqliteCommand commitmentInsert;

    public SqliteLeafCommands(SqliteConnection connection)
    {
        size = connection.CreateCommand();
        size.CommandText = "SELECT coalesce(max(sequence), 0) FROM audit_leaves;";

        leafInsert = connection.CreateCommand();
        leafInsert.CommandText = "INSERT INTO audit_leaves (sequence, data) VALUES (@sequence, @data);";
        leafInsert.Parameters.Add("@sequence", SqliteType.Integer);
        leafInsert.Parameters.Add("@data", SqliteType.Blob);

        // One row per statement: a multi-row VALUES into a table whose insert trigger reads that table is staged by
        // SQLite in a temporary b-tree first, which costs more than the statements it saves (measured: 80 -> 100 µs
        // per audit event on tmpfs).
        hashInsert = connection.CreateCommand();
        hashInsert.CommandText = "INSERT INTO audit_tree_hashes (hash_index, hash) VALUES (@index, @hash);";
        hashInsert.Parameters.Add("@index", SqliteType.Integer);
        hashInsert.Parameters.Add("@hash", SqliteType.Blob);

        commitmentInsert = connection.CreateCommand();
        commitmentInsert.CommandText = "INSERT INTO audit_commitments (sequence, field, commitment, salt) VALUES (@sequence, @field, @commitment, @salt);";
        commitmentInsert.Parameters.Add("@sequence", SqliteType.Integer);
        commitmentInsert.Parameters.Add("@field", SqliteType.Text);
        commitmentInsert.Parameters.Add("@commitment", SqliteType.Blob);
        commitmentInsert.Parameters.Add("@salt", SqliteType.Blob);
    }

    /// <summary>The number of leaves in the tree.</summary>
    public async Task<long> TreeSizeAsync(SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        size.Transaction = transaction;
        return Convert.ToInt64(await size.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the next leaves, in order, with their hashes and commitments, in <paramref name="transaction"/>.</summary>
    /// <exception cref="InvalidOperationException">A leaf is not the next one.</exception>
    public async Task InsertAsync(SqliteTransaction transaction, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken)
    {
        if (leaves.Count == 0)
        {
            return;
        }

        // The tree's size is read once: within the transaction each leaf added makes it one larger.
        var stored = await TreeSizeAsync(transaction, cancellationToken).ConfigureAwait(false);
        leafInsert.Transaction = transaction;
        hashInsert.Transaction = transaction;
        commitmentInsert.Transaction = transaction;
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            if (leaf.Sequence != stored + 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The tree has {stored} leaves, so the next is sequence {stored + 1}, not {leaf.Sequence}: add the missing leaves first."));
            }

            await InsertAsync(leaf, cancellationToken).ConfigureAwait(false);
            stored++;
        }
    }

    /// <summary>Detaches the statements from a finished transaction, so the next append starts clean.</summary>
    public void Release()
    {
        size.Transaction = null;
        leafInsert.Transaction = null;
        hashInsert.Transaction = null;
        commitmentInsert.Transaction = null;
    }

    public void Dispose()
    {
        size.Dispose();
        leafInsert.Dispose();
        hashInsert.Dispose();
        commitmentInsert.Dispose();
    }

    // A parameter's value: the array the memory wraps when it wraps one exactly (as the trail's leaves do), else a copy.
    private static byte[] Bytes(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : memory.ToArray();

    private async Task InsertAsync(AuditLeaf leaf, CancellationToken cancellationToken)
    {
        leafInsert.Parameters[0].Value = leaf.Sequence;
        leafInsert.Parameters[1].Value = Bytes(leaf.Data);
        await leafInsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var first = TreeIndex.StoredHashIndex(0, leaf.Sequence - 1);
        for (var i = 0; i < leaf.Hashes.Count; i++)
        {
            hashInsert.Parameters[0].Value = first + i;
            hashInsert.Parameters[1].Value = leaf.Hashes[i];
            await hashInsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        commitmentInsert.Parameters[0].Value = leaf.Sequence;
        foreach (var c in leaf.Commitments)
        {
            commitmentInsert.Parameters[1].Value = c.Field;
            commitmentInsert.Parameters[2].Value = Bytes(c.Commitment);
            commitmentInsert.Parameters[3].Value = c.Salt is { } s ? Bytes(s) : DBNull.Value;
            await commitmentInsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

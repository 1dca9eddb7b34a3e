using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The statements that add a leaf of the transparency log (the tree's size, the leaf, its stored hashes, its
/// commitments), made once per connection: the audit writer holds one set beside its prepared event insert, so an
/// append does not prepare four statements again for every event.
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

    /// <summary>Adds the next leaf with its hashes and commitments, in <paramref name="transaction"/>.</summary>
    /// <exception cref="InvalidOperationException">The leaf is not the next one.</exception>
    public async Task InsertAsync(SqliteTransaction transaction, AuditLeaf leaf, CancellationToken cancellationToken)
    {
        var leaves = await TreeSizeAsync(transaction, cancellationToken).ConfigureAwait(false);
        if (leaf.Sequence != leaves + 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The tree has {leaves} leaves, so the next is sequence {leaves + 1}, not {leaf.Sequence}: add the missing leaves first."));
        }

        leafInsert.Transaction = transaction;
        leafInsert.Parameters[0].Value = leaf.Sequence;
        leafInsert.Parameters[1].Value = leaf.Data.ToArray();
        await leafInsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        hashInsert.Transaction = transaction;
        var first = TreeIndex.StoredHashIndex(0, leaf.Sequence - 1);
        for (var i = 0; i < leaf.Hashes.Count; i++)
        {
            hashInsert.Parameters[0].Value = first + i;
            hashInsert.Parameters[1].Value = leaf.Hashes[i];
            await hashInsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        commitmentInsert.Transaction = transaction;
        commitmentInsert.Parameters[0].Value = leaf.Sequence;
        foreach (var c in leaf.Commitments)
        {
            commitmentInsert.Parameters[1].Value = c.Field;
            commitmentInsert.Parameters[2].Value = c.Commitment.ToArray();
            commitmentInsert.Parameters[3].Value = c.Salt is { } s ? s.ToArray() : DBNull.Value;
            await commitmentInsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
}

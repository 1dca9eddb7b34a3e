using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Auditing;

/// <summary>
/// The leaf statements: a batch reads the tree's size once and must continue it; every hash and commitment of a leaf
/// goes in, a salt that is a slice of a larger array as just its bytes, an erased one as NULL.
/// </summary>
public sealed class SqliteLeafCommandsTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private static byte[] Bytes(int seed, int length = 32) => [.. Enumerable.Range(seed, length).Select(i => (byte)i)];

    private static AuditLeaf Leaf(long sequence, int hashes = 1, int commitments = 0) => new()
    {
        Sequence = sequence,
        Data = Bytes((int)sequence, 8),
        Hashes = [.. Enumerable.Range(0, hashes).Select(i => Bytes(i))],
        Commitments = [.. Enumerable.Range(0, commitments).Select(i => new AuditCommitment
        {
            Field = $"field-{i:D2}",
            Commitment = Bytes(100 + i),
            Salt = i % 5 == 4 ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(Bytes(200 + i, 40), 4, 32), // a slice: copied, not the whole array
        })],
    };

    private async Task<SqliteConnection> OpenMigratedAsync()
    {
        using (var store = new SqliteAuditEventStore(database.ConnectionString))
        {
            await store.GetLastAsync();
        }

        database.ClosePool();
        var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF;"; // these leaves have no events
        command.ExecuteNonQuery();
        return connection;
    }

    [Fact]
    public async Task A_leaf_with_many_hashes_and_commitments_goes_in_whole()
    {
        using var connection = await OpenMigratedAsync();
        using var commands = new SqliteLeafCommands(connection);
        var leaf = Leaf(1, hashes: 17, commitments: 35);

        using (var transaction = connection.BeginTransaction())
        {
            await commands.InsertAsync(transaction, [leaf], CancellationToken.None);
            transaction.Commit();
        }

        commands.Release();
        Assert.Equal((17L, 0L, 16L), Triple(connection, "SELECT count(*), min(hash_index), max(hash_index) FROM audit_tree_hashes;"));
        Assert.Equal(Bytes(16), Scalar(connection, "SELECT hash FROM audit_tree_hashes WHERE hash_index = 16;"));
        Assert.Equal(35L, Scalar(connection, "SELECT count(*) FROM audit_commitments WHERE sequence = 1;"));
        Assert.Equal(7L, Scalar(connection, "SELECT count(*) FROM audit_commitments WHERE salt IS NULL;"));
        Assert.Equal(Bytes(200 + 33, 40)[4..36], Scalar(connection, "SELECT salt FROM audit_commitments WHERE field = 'field-33';"));
        Assert.Equal(Bytes(100 + 34), Scalar(connection, "SELECT commitment FROM audit_commitments WHERE field = 'field-34';"));
    }

    [Fact]
    public async Task A_batch_continues_the_tree_and_one_that_does_not_is_refused_naming_the_next_sequence()
    {
        using var connection = await OpenMigratedAsync();
        using var commands = new SqliteLeafCommands(connection);
        using (var transaction = connection.BeginTransaction())
        {
            await commands.InsertAsync(transaction, [Leaf(1), Leaf(2, hashes: 2), Leaf(3)], CancellationToken.None);
            transaction.Commit();
        }

        commands.Release();
        using var next = connection.BeginTransaction();
        var gap = await Assert.ThrowsAsync<InvalidOperationException>(() => commands.InsertAsync(next, [Leaf(4), Leaf(6)], CancellationToken.None));

        Assert.Equal("The tree has 4 leaves, so the next is sequence 5, not 6: add the missing leaves first.", gap.Message);
        next.Rollback();
        Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM audit_leaves;"));
        Assert.Equal(4L, Scalar(connection, "SELECT count(*) FROM audit_tree_hashes;"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static (long, long, long) Triple(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}

using System.Numerics;

namespace ExportKit.Audit;

/// <summary>
/// The layout in which a log keeps its tree, as Go's checksum database does (golang.org/x/mod/sumdb/tlog): every
/// complete subtree's hash is stored once, at an index that depends only on its level and position, in the order the
/// subtrees complete. Appending record n stores its leaf hash and the hash of every subtree that record n completes,
/// computed from at most log₂(n) hashes stored before: the cost of an append is logarithmic in the log's size.
/// </summary>
internal static class StoredHashes
{
    /// <summary>The index of the hash of the subtree at <paramref name="level"/> whose leaves start at n·2^level.</summary>
    public static long Index(int level, long n)
    {
        // Hashes at every level for the records before n·2^level's subtree, then the level-0..level hashes at its end.
        for (var l = level; l > 0; l--)
        {
            n = (2 * n) + 1;
        }

        long i = 0;
        for (; n > 0; n >>= 1)
        {
            i += n;
        }

        return i + level;
    }

    /// <summary>The level and position of the subtree whose hash is stored at <paramref name="index"/> (the inverse of <see cref="Index"/>).</summary>
    public static (int Level, long N) Split(long index)
    {
        var n = index / 2;
        var indexN = Index(0, n);
        while (true)
        {
            var x = indexN + 1 + BitOperations.TrailingZeroCount((ulong)(n + 1));
            if (x > index)
            {
                break;
            }

            n++;
            indexN = x;
        }

        var level = (int)(index - indexN);
        return (level, n >> level);
    }

    /// <summary>How many hashes a log of <paramref name="n"/> records stores.</summary>
    public static long Count(long n)
    {
        if (n == 0)
        {
            return 0;
        }

        var count = Index(0, n - 1) + 1;
        for (var i = (ulong)(n - 1); (i & 1) != 0; i >>= 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>The indexes of the stored hashes needed to compute the hashes that record <paramref name="n"/> adds, in the order <see cref="ForRecord"/> takes them.</summary>
    public static long[] IndexesForRecord(long n)
    {
        var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
        var indexes = new long[m];
        for (var i = 0; i < m; i++)
        {
            indexes[m - 1 - i] = Index(i, (n >> i) - 1);
        }

        return indexes;
    }

    /// <summary>
    /// The hashes record <paramref name="n"/> adds, to be stored from index <c>Index(0, n)</c> on: its leaf hash, then
    /// each subtree it completes. <paramref name="old"/> holds the hashes at <see cref="IndexesForRecord"/>.
    /// </summary>
    public static byte[][] ForRecord(long n, byte[] leafHash, IReadOnlyList<byte[]> old)
    {
        var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
        if (old.Count != m)
        {
            throw new ArgumentException($"Record {n} needs {m} stored hashes, but {old.Count} were given.", nameof(old));
        }

        var hashes = new byte[m + 1][];
        var h = leafHash;
        hashes[0] = h;
        for (var i = 0; i < m; i++)
        {
            h = MerkleHashing.NodeHash(old[m - 1 - i], h);
            hashes[i + 1] = h;
        }

        return hashes;
    }
}

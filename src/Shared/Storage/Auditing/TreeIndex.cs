namespace ExportKit.Storage;

/// <summary>Where a leaf's tree hashes start in the stored-hash layout of golang.org/x/mod/sumdb/tlog (each SQL store needs only this one formula, to find a new leaf's hashes).</summary>
internal static class TreeIndex
{
    /// <summary>The index of the stored hash at <paramref name="level"/> for the subtree that starts at leaf n·2^level.</summary>
    public static long StoredHashIndex(int level, long n)
    {
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
}

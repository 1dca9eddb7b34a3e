using System.Security.Cryptography;

namespace ExportKit.Audit;

/// <summary>
/// RFC 6962/9162 hashing (§2.1.1): a leaf is SHA-256(0x00 ‖ bytes) and an interior node SHA-256(0x01 ‖ left ‖ right).
/// The different prefixes keep a leaf from ever being mistaken for a node (second-preimage resistance).
/// </summary>
internal static class MerkleHashing
{
    /// <summary>The size of every hash in the tree, in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>The hash of a leaf's bytes.</summary>
    public static byte[] RecordHash(ReadOnlySpan<byte> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([0x00]);
        sha.AppendData(data);
        return sha.GetHashAndReset();
    }

    /// <summary>The hash of an interior node with two children.</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + HashSize + HashSize];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The root of the empty tree: SHA-256 of nothing (RFC 9162 §2.1.1).</summary>
    public static byte[] EmptyTreeHash() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2), and its exponent.</summary>
    public static (long K, int Level) MaxPow2(long n)
    {
        var level = 0;
        while (1L << (level + 1) < n)
        {
            level++;
        }

        return (1L << level, level);
    }
}

namespace ExportKit.Audit;

/// <summary>
/// The tree hash, inclusion proofs and consistency proofs of RFC 9162 §2.1.3–2.1.4 over the stored-hash layout of
/// <see cref="StoredHashes"/>, a line-for-line port of golang.org/x/mod/sumdb/tlog. Each operation is split in two: the
/// indexes of the stored hashes it needs (one read from the store), then the computation over those hashes. Tree sizes
/// <c>t</c> and record numbers <c>n</c> are 0-based counts and indexes as in the RFC.
/// </summary>
internal static class TreeProofs
{
    /// <summary>The stored hashes the root of a tree of <paramref name="t"/> records is computed from.</summary>
    public static long[] TreeHashIndexes(long t) => t == 0 ? [] : [.. SubTreeIndex(0, t, [])];

    /// <summary>The root of a tree of <paramref name="t"/> records, from the hashes at <see cref="TreeHashIndexes"/>.</summary>
    public static byte[] TreeHash(long t, IReadOnlyList<byte[]> hashes)
    {
        if (t == 0)
        {
            return MerkleHashing.EmptyTreeHash();
        }

        var cursor = new Cursor(hashes);
        var hash = SubTreeHash(0, t, cursor);
        cursor.EnsureConsumed();
        return hash;
    }

    /// <summary>The stored hashes the inclusion proof of record <paramref name="n"/> in a tree of <paramref name="t"/> needs.</summary>
    public static long[] RecordProofIndexes(long t, long n)
    {
        CheckRecordArguments(t, n);
        return [.. LeafProofIndex(0, t, n, [])];
    }

    /// <summary>The inclusion proof of record <paramref name="n"/> in a tree of <paramref name="t"/> records (RFC 9162 §2.1.3.1).</summary>
    public static byte[][] ProveRecord(long t, long n, IReadOnlyList<byte[]> hashes)
    {
        CheckRecordArguments(t, n);
        var cursor = new Cursor(hashes);
        var proof = new List<byte[]>();
        LeafProof(0, t, n, cursor, proof);
        cursor.EnsureConsumed();
        return [.. proof];
    }

    /// <summary>Whether <paramref name="proof"/> shows that the record with leaf hash <paramref name="leafHash"/> is record <paramref name="n"/> of the tree of <paramref name="t"/> records with root <paramref name="treeHash"/> (RFC 9162 §2.1.3.2).</summary>
    public static bool CheckRecord(IReadOnlyList<byte[]> proof, long t, ReadOnlySpan<byte> treeHash, long n, byte[] leafHash)
    {
        if (t <= 0 || n < 0 || n >= t || !AllHashes(proof) || leafHash.Length != MerkleHashing.HashSize)
        {
            return false;
        }

        var computed = RunRecordProof(proof, proof.Count, 0, t, n, leafHash);
        return computed is not null && computed.AsSpan().SequenceEqual(treeHash);
    }

    /// <summary>The stored hashes the consistency proof from a tree of <paramref name="n"/> records to one of <paramref name="t"/> needs.</summary>
    public static long[] TreeProofIndexes(long t, long n)
    {
        CheckTreeArguments(t, n);
        return [.. TreeProofIndex(0, t, n, [])];
    }

    /// <summary>The consistency proof that the tree of <paramref name="n"/> records is a prefix of the tree of <paramref name="t"/> (RFC 9162 §2.1.4.1).</summary>
    public static byte[][] ProveTree(long t, long n, IReadOnlyList<byte[]> hashes)
    {
        CheckTreeArguments(t, n);
        var cursor = new Cursor(hashes);
        var proof = new List<byte[]>();
        TreeProof(0, t, n, cursor, proof);
        cursor.EnsureConsumed();
        return [.. proof];
    }

    /// <summary>Whether <paramref name="proof"/> shows that the tree of <paramref name="n"/> records with root <paramref name="oldHash"/> is a prefix of the tree of <paramref name="t"/> records with root <paramref name="treeHash"/> (RFC 9162 §2.1.4.2).</summary>
    public static bool CheckTree(IReadOnlyList<byte[]> proof, long t, ReadOnlySpan<byte> treeHash, long n, byte[] oldHash)
    {
        if (t < 1 || n < 1 || n > t || !AllHashes(proof) || oldHash.Length != MerkleHashing.HashSize)
        {
            return false;
        }

        var result = RunTreeProof(proof, proof.Count, 0, t, n, oldHash);
        return result is { } r && r.Old.AsSpan().SequenceEqual(oldHash) && r.Tree.AsSpan().SequenceEqual(treeHash);
    }

    private static void CheckRecordArguments(long t, long n)
    {
        if (t <= 0 || n < 0 || n >= t)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Record {n} is not in a tree of {t} records: use a record from 0 to {t - 1}.");
        }
    }

    private static void CheckTreeArguments(long t, long n)
    {
        if (t < 1 || n < 1 || n > t)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"A tree of {n} records cannot be proven a prefix of a tree of {t}: both must have at least one record and the older no more than the newer.");
        }
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (var hash in proof)
        {
            if (hash is null || hash.Length != MerkleHashing.HashSize)
            {
                return false;
            }
        }

        return true;
    }

    private static List<long> SubTreeIndex(long lo, long hi, List<long> need)
    {
        while (lo < hi)
        {
            var (k, level) = MerkleHashing.MaxPow2(hi - lo + 1);
            need.Add(StoredHashes.Index(level, lo >> level));
            lo += k;
        }

        return need;
    }

    private static byte[] SubTreeHash(long lo, long hi, Cursor hashes)
    {
        var parts = new List<byte[]>();
        while (lo < hi)
        {
            var (k, _) = MerkleHashing.MaxPow2(hi - lo + 1);
            parts.Add(hashes.Next());
            lo += k;
        }

        var h = parts[^1];
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            h = MerkleHashing.NodeHash(parts[i], h);
        }

        return h;
    }

    private static List<long> LeafProofIndex(long lo, long hi, long n, List<long> need)
    {
        if (lo + 1 == hi)
        {
            return need;
        }

        var (k, _) = MerkleHashing.MaxPow2(hi - lo);
        if (n < lo + k)
        {
            LeafProofIndex(lo, lo + k, n, need);
            SubTreeIndex(lo + k, hi, need);
        }
        else
        {
            SubTreeIndex(lo, lo + k, need);
            LeafProofIndex(lo + k, hi, n, need);
        }

        return need;
    }

    private static void LeafProof(long lo, long hi, long n, Cursor hashes, List<byte[]> proof)
    {
        if (lo + 1 == hi)
        {
            return;
        }

        // The proof lists the sibling hashes from the leaf up, so the deeper part is appended before this level's.
        var (k, _) = MerkleHashing.MaxPow2(hi - lo);
        byte[] sibling;
        if (n < lo + k)
        {
            LeafProof(lo, lo + k, n, hashes, proof);
            sibling = SubTreeHash(lo + k, hi, hashes);
        }
        else
        {
            sibling = SubTreeHash(lo, lo + k, hashes);
            LeafProof(lo + k, hi, n, hashes, proof);
        }

        proof.Add(sibling);
    }

    private static byte[]? RunRecordProof(IReadOnlyList<byte[]> proof, int count, long lo, long hi, long n, byte[] leafHash)
    {
        if (lo + 1 == hi)
        {
            return count == 0 ? leafHash : null;
        }

        if (count == 0)
        {
            return null;
        }

        var (k, _) = MerkleHashing.MaxPow2(hi - lo);
        var last = proof[count - 1];
        if (n < lo + k)
        {
            var th = RunRecordProof(proof, count - 1, lo, lo + k, n, leafHash);
            return th is null ? null : MerkleHashing.NodeHash(th, last);
        }
        else
        {
            var th = RunRecordProof(proof, count - 1, lo + k, hi, n, leafHash);
            return th is null ? null : MerkleHashing.NodeHash(last, th);
        }
    }

    private static List<long> TreeProofIndex(long lo, long hi, long n, List<long> need)
    {
        if (n == hi)
        {
            return lo == 0 ? need : SubTreeIndex(lo, hi, need);
        }

        var (k, _) = MerkleHashing.MaxPow2(hi - lo);
        if (n <= lo + k)
        {
            TreeProofIndex(lo, lo + k, n, need);
            SubTreeIndex(lo + k, hi, need);
        }
        else
        {
            SubTreeIndex(lo, lo + k, need);
            TreeProofIndex(lo + k, hi, n, need);
        }

        return need;
    }

    private static void TreeProof(long lo, long hi, long n, Cursor hashes, List<byte[]> proof)
    {
        if (n == hi)
        {
            if (lo != 0)
            {
                proof.Add(SubTreeHash(lo, hi, hashes));
            }

            return;
        }

        var (k, _) = MerkleHashing.MaxPow2(hi - lo);
        byte[] sibling;
        if (n <= lo + k)
        {
            TreeProof(lo, lo + k, n, hashes, proof);
            sibling = SubTreeHash(lo + k, hi, hashes);
        }
        else
        {
            sibling = SubTreeHash(lo, lo + k, hashes);
            TreeProof(lo + k, hi, n, hashes, proof);
        }

        proof.Add(sibling);
    }

    private static (byte[] Old, byte[] Tree)? RunTreeProof(IReadOnlyList<byte[]> proof, int count, long lo, long hi, long n, byte[] old)
    {
        if (n == hi)
        {
            if (lo == 0)
            {
                return count == 0 ? (old, old) : null;
            }

            return count == 1 ? (proof[0], proof[0]) : null;
        }

        if (count == 0)
        {
            return null;
        }

        var (k, _) = MerkleHashing.MaxPow2(hi - lo);
        var last = proof[count - 1];
        if (n <= lo + k)
        {
            var inner = RunTreeProof(proof, count - 1, lo, lo + k, n, old);
            return inner is { } r ? (r.Old, MerkleHashing.NodeHash(r.Tree, last)) : null;
        }
        else
        {
            var inner = RunTreeProof(proof, count - 1, lo + k, hi, n, old);
            return inner is { } r ? (MerkleHashing.NodeHash(last, r.Old), MerkleHashing.NodeHash(last, r.Tree)) : null;
        }
    }

    /// <summary>Hands out the hashes read for an operation in the order the operation asked for them.</summary>
    private sealed class Cursor(IReadOnlyList<byte[]> hashes)
    {
        private int position;

        public byte[] Next()
        {
            if (position >= hashes.Count)
            {
                throw new InvalidDataException($"The tree needed more stored hashes than the {hashes.Count} read: the store returned too few.");
            }

            var hash = hashes[position++];
            if (hash is null || hash.Length != MerkleHashing.HashSize)
            {
                throw new InvalidDataException($"Stored hash {position - 1} of the read is not {MerkleHashing.HashSize} bytes: the tree's storage is damaged.");
            }

            return hash;
        }

        public void EnsureConsumed()
        {
            if (position != hashes.Count)
            {
                throw new InvalidDataException($"The store returned {hashes.Count} hashes where the tree needed {position}.");
            }
        }
    }
}

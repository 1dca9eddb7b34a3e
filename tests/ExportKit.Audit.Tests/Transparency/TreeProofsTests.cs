using System.Security.Cryptography;

namespace ExportKit.Audit.Tests.Transparency;

public sealed class TreeProofsTests
{
    private static readonly MemoryHashes Reference = MemoryHashes.Of(TreeVectors.Leaves);

    [Fact]
    public void Leaf_and_node_hashes_use_the_RFC_6962_prefixes()
    {
        Assert.Equal(SHA256.HashData([0x00, 0x10]), MerkleHashing.RecordHash([0x10]));
        var left = TreeVectors.Nodes[0][0];
        var right = TreeVectors.Nodes[0][1];
        Assert.Equal(SHA256.HashData([0x01, .. left, .. right]), MerkleHashing.NodeHash(left, right));
        Assert.Equal(TreeVectors.Nodes[1][0], MerkleHashing.NodeHash(left, right));
    }

    [Fact]
    public void The_roots_of_the_reference_tree_match_for_every_size_from_empty_to_eight()
    {
        var hashes = new MemoryHashes();
        Assert.Equal(TreeVectors.Roots[0], hashes.Root(0));
        for (var size = 1; size <= 8; size++)
        {
            hashes.Append(TreeVectors.Leaves[size - 1]);
            Assert.Equal(TreeVectors.Roots[size], hashes.Root(size));
        }
    }

    [Fact]
    public void Every_complete_subtree_of_the_reference_tree_is_stored_at_its_index()
    {
        for (var level = 0; level < TreeVectors.Nodes.Length; level++)
        {
            for (var n = 0; n < TreeVectors.Nodes[level].Length; n++)
            {
                Assert.Equal(TreeVectors.Nodes[level][n], Reference.Stored[(int)StoredHashes.Index(level, n)]);
            }
        }

        Assert.Equal(StoredHashes.Count(8), Reference.Stored.Count);
    }

    [Theory]
    [MemberData(nameof(TreeVectors.InclusionProofs), MemberType = typeof(TreeVectors))]
    public void Inclusion_proofs_match_the_reference_vectors_and_check(int leaf, int size, string[] expected)
    {
        var proof = Reference.ProveRecord(size, leaf);

        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
        Assert.True(TreeProofs.CheckRecord(proof, size, TreeVectors.Roots[size], leaf, MerkleHashing.RecordHash(TreeVectors.Leaves[leaf])));
    }

    [Theory]
    [MemberData(nameof(TreeVectors.ConsistencyProofs), MemberType = typeof(TreeVectors))]
    public void Consistency_proofs_match_the_reference_vectors_and_check(int older, int newer, string[] expected)
    {
        var proof = Reference.ProveTree(newer, older);

        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
        Assert.True(TreeProofs.CheckTree(proof, newer, TreeVectors.Roots[newer], older, TreeVectors.Roots[older]));
    }

    [Theory]
    [MemberData(nameof(TreeVectors.InclusionProofs), MemberType = typeof(TreeVectors))]
    public void Every_corruption_of_a_reference_inclusion_proof_is_rejected(int leaf, int size, string[] expected)
    {
        var proof = expected.Select(TreeVectors.H).ToArray();
        var root = TreeVectors.Roots[size];
        var leafHash = MerkleHashing.RecordHash(TreeVectors.Leaves[leaf]);
        var some = TreeVectors.H("abacaba000000000000000000000000000000000000000000060061e00123456");

        Assert.False(TreeProofs.CheckRecord(proof, size, root, leaf - 1, leafHash));
        Assert.False(TreeProofs.CheckRecord(proof, size, root, leaf + 1, leafHash));
        Assert.False(TreeProofs.CheckRecord(proof, size, root, leaf ^ 2, leafHash));
        Assert.False(TreeProofs.CheckRecord(proof, size * 2, root, leaf, leafHash));
        Assert.False(TreeProofs.CheckRecord(proof, size / 2, root, leaf, leafHash));
        Assert.False(TreeProofs.CheckRecord(proof, size, root, leaf, "WrongLeaf"u8.ToArray()));
        Assert.False(TreeProofs.CheckRecord(proof, size, TreeVectors.Roots[0], leaf, leafHash));
        Assert.False(TreeProofs.CheckRecord(proof, size, some, leaf, leafHash));
        Assert.False(TreeProofs.CheckRecord([.. proof, []], size, root, leaf, leafHash));
        Assert.False(TreeProofs.CheckRecord([.. proof, root], size, root, leaf, leafHash));
        Assert.False(TreeProofs.CheckRecord([[], .. proof], size, root, leaf, leafHash));
        Assert.False(TreeProofs.CheckRecord([root, .. proof], size, root, leaf, leafHash));
        for (var i = 0; i < proof.Length; i++)
        {
            var flipped = proof.Select(p => p.ToArray()).ToArray();
            flipped[i][0] ^= 8;
            Assert.False(TreeProofs.CheckRecord(flipped, size, root, leaf, leafHash));
        }

        if (proof.Length > 0)
        {
            Assert.False(TreeProofs.CheckRecord(proof[..^1], size, root, leaf, leafHash));
        }

        if (proof.Length > 1)
        {
            Assert.False(TreeProofs.CheckRecord([proof[0], some, .. proof[1..]], size, root, leaf, leafHash));
        }
    }

    [Theory]
    [MemberData(nameof(TreeVectors.ConsistencyProofs), MemberType = typeof(TreeVectors))]
    public void Every_corruption_of_a_reference_consistency_proof_is_rejected(int older, int newer, string[] expected)
    {
        var proof = expected.Select(TreeVectors.H).ToArray();
        var oldRoot = TreeVectors.Roots[older];
        var newRoot = TreeVectors.Roots[newer];

        Assert.False(TreeProofs.CheckTree(proof, newer, newRoot, older - 1, oldRoot));
        Assert.False(TreeProofs.CheckTree(proof, newer, TreeVectors.Roots[newer - 1], older, oldRoot) && older != newer);
        Assert.False(TreeProofs.CheckTree(proof, newer, oldRoot, older, newRoot) && older != newer);
        Assert.False(TreeProofs.CheckTree(proof, newer, TreeVectors.Roots[0], older, oldRoot));
        Assert.False(TreeProofs.CheckTree([.. proof, newRoot], newer, newRoot, older, oldRoot));
        Assert.False(TreeProofs.CheckTree([.. proof, []], newer, newRoot, older, oldRoot));
        for (var i = 0; i < proof.Length; i++)
        {
            var flipped = proof.Select(p => p.ToArray()).ToArray();
            flipped[i][31] ^= 1;
            Assert.False(TreeProofs.CheckTree(flipped, newer, newRoot, older, oldRoot));
        }

        if (proof.Length > 0)
        {
            Assert.False(TreeProofs.CheckTree(proof[..^1], newer, newRoot, older, oldRoot));
        }
    }

    [Fact]
    public void Proving_outside_the_tree_is_refused_with_a_message_that_says_what_is_allowed()
    {
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => TreeProofs.RecordProofIndexes(8, 8));
        Assert.Contains("from 0 to 7", outside.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => TreeProofs.TreeProofIndexes(4, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TreeProofs.TreeProofIndexes(4, 0));
        Assert.False(TreeProofs.CheckRecord([], 0, TreeVectors.Roots[0], 0, TreeVectors.Roots[1]));
    }

    [Fact]
    public void Stored_hash_indexes_split_back_to_their_level_and_position()
    {
        for (long index = 0; index < 5000; index++)
        {
            var (level, n) = StoredHashes.Split(index);
            Assert.Equal(index, StoredHashes.Index(level, n));
        }
    }

    [Fact]
    public void Proofs_and_roots_agree_with_a_naive_recomputation_for_every_tree_up_to_70_records()
    {
        var leaves = Enumerable.Range(0, 70).Select(i => BitConverter.GetBytes(i * 7919)).ToArray();
        var hashes = MemoryHashes.Of(leaves);
        for (var t = 1; t <= leaves.Length; t++)
        {
            var root = Naive(leaves.AsSpan(0, t));
            Assert.Equal(root, hashes.Root(t));
            for (var n = 0; n < t; n++)
            {
                var proof = hashes.ProveRecord(t, n);
                Assert.Equal(NaivePath(n, leaves.AsSpan(0, t)), proof.Select(Convert.ToHexString));
                Assert.True(TreeProofs.CheckRecord(proof, t, root, n, MerkleHashing.RecordHash(leaves[n])));
                Assert.False(TreeProofs.CheckRecord(proof, t, root, n, MerkleHashing.RecordHash(leaves[(n + 1) % t])) && t > 1);
            }

            for (var m = 1; m <= t; m++)
            {
                var proof = hashes.ProveTree(t, m);
                Assert.True(TreeProofs.CheckTree(proof, t, root, m, Naive(leaves.AsSpan(0, m))));
                if (m < t)
                {
                    Assert.False(TreeProofs.CheckTree(proof, t, root, m, Naive(leaves.AsSpan(1, m))));
                }
            }
        }
    }

    // RFC 9162 §2.1.1 MTH, written as the RFC states it.
    private static byte[] Naive(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return MerkleHashing.RecordHash(leaves[0]);
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        return MerkleHashing.NodeHash(Naive(leaves[..k]), Naive(leaves[k..]));
    }

    // RFC 9162 §2.1.3.1 PATH(m, D[n]).
    private static List<string> NaivePath(int m, ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return [];
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        if (m < k)
        {
            var path = NaivePath(m, leaves[..k]);
            path.Add(Convert.ToHexString(Naive(leaves[k..])));
            return path;
        }
        else
        {
            var path = NaivePath(m - k, leaves[k..]);
            path.Add(Convert.ToHexString(Naive(leaves[..k])));
            return path;
        }
    }
}

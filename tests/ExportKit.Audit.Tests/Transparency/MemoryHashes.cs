namespace ExportKit.Audit.Tests.Transparency;

/// <summary>A log's stored hashes in a list, appended record by record as a store keeps them.</summary>
internal sealed class MemoryHashes
{
    public List<byte[]> Stored { get; } = [];

    public long Records { get; private set; }

    public static MemoryHashes Of(IEnumerable<byte[]> leaves)
    {
        var hashes = new MemoryHashes();
        foreach (var leaf in leaves)
        {
            hashes.Append(leaf);
        }

        return hashes;
    }

    public void Append(byte[] leaf)
    {
        var old = StoredHashes.IndexesForRecord(Records).Select(i => Stored[(int)i]).ToList();
        var added = StoredHashes.ForRecord(Records, MerkleHashing.RecordHash(leaf), old);
        Assert.Equal(StoredHashes.Index(0, Records), Stored.Count);
        Stored.AddRange(added);
        Records++;
    }

    public byte[][] Read(IEnumerable<long> indexes) => [.. indexes.Select(i => Stored[(int)i])];

    public byte[] Root(long t) => TreeProofs.TreeHash(t, Read(TreeProofs.TreeHashIndexes(t)));

    public byte[][] ProveRecord(long t, long n) => TreeProofs.ProveRecord(t, n, Read(TreeProofs.RecordProofIndexes(t, n)));

    public byte[][] ProveTree(long t, long n) => TreeProofs.ProveTree(t, n, Read(TreeProofs.TreeProofIndexes(t, n)));
}

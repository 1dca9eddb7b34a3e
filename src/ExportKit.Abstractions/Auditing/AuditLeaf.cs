namespace ExportKit;

/// <summary>
/// One leaf of the audit trail's Merkle tree as a store keeps it: the event's canonical leaf bytes (personal data in them
/// only as salted commitments), the tree hashes the leaf adds, and the commitments with their salts, kept apart from
/// the event so that erasing a value and its salt leaves the leaf checkable and the value unrecoverable.
/// </summary>
public sealed class AuditLeaf
{
    /// <summary>Gets the sequence of the event the leaf belongs to (its leaf index is one less).</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the leaf bytes, whose RFC 6962 leaf hash is the tree's record hash.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>
    /// Gets the tree hashes the leaf adds, to be stored from index <c>StoredHashIndex(0, Sequence - 1)</c> on: its leaf
    /// hash, then every subtree it completes. Empty when a leaf is read back.
    /// </summary>
    public IReadOnlyList<byte[]> Hashes { get; init; } = [];

    /// <summary>Gets the commitments to the event's personal data, in field order.</summary>
    public IReadOnlyList<AuditCommitment> Commitments { get; init; } = [];
}

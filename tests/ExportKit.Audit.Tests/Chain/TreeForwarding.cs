namespace ExportKit.Audit.Tests.Chain;

/// <summary>The tree half of a test store wrapper: forwards everything to the wrapped store's tree.</summary>
internal abstract class TreeForwarding(IAuditTreeStore tree) : IAuditTreeStore
{
    private IAuditTreeStore Tree => tree;

    public virtual ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default) =>
        Tree.TryAppendWithLeavesAsync(auditEvents, leaves, cancellationToken);

    public ValueTask<bool> TryAddLeafAsync(AuditLeaf leaf, CancellationToken cancellationToken = default) => Tree.TryAddLeafAsync(leaf, cancellationToken);

    public virtual ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default) => Tree.GetTreeSizeAsync(cancellationToken);

    public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default) =>
        Tree.ReadHashesAsync(indexes, cancellationToken);

    public virtual IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, CancellationToken cancellationToken = default) =>
        Tree.ReadLeavesAsync(fromSequence, cancellationToken);

    public ValueTask EraseAsync(AuditEvent redacted, IReadOnlyList<string> fields, CancellationToken cancellationToken = default) =>
        Tree.EraseAsync(redacted, fields, cancellationToken);
}

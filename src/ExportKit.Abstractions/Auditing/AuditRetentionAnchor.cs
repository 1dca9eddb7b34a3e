namespace ExportKit;

/// <summary>
/// What a store keeps of the audit events that retention pruned: where the cut is, the chain hash the first remaining
/// event links to, and the signed checkpoint (the trust anchor) whose tree holds every pruned event. The tree hashes of
/// the pruned events stay in the store, so proofs and verification of what remains still work.
/// </summary>
public sealed class AuditRetentionAnchor
{
    /// <summary>Gets the sequence of the last pruned event: events 1 to <see cref="Cut"/> are gone.</summary>
    public required long Cut { get; init; }

    /// <summary>Gets the chain hash of the last pruned event, which the first remaining event's previous hash must be.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Gets the retention date: only events recorded before it were pruned.</summary>
    public required DateTimeOffset PrunedBefore { get; init; }

    /// <summary>Gets when the events were pruned.</summary>
    public required DateTimeOffset PrunedAt { get; init; }

    /// <summary>Gets the signed checkpoint (C2SP signed note) kept as the trust anchor; its tree size is at least <see cref="Cut"/>.</summary>
    public required string Checkpoint { get; init; }
}

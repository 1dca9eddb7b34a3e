namespace ExportKit;

/// <summary>The outcome of verifying the audit chain.</summary>
public sealed record AuditChainVerification
{
    /// <summary>Gets a value indicating whether every event matches its hash and links to the one before.</summary>
    public bool IsValid => Failure == AuditChainFailure.None;

    /// <summary>Gets how many of the checked events had personal data erased (their leaves still verify).</summary>
    public long RedactedEvents { get; init; }

    /// <summary>Gets how many events retention pruned before the first one checked (0 when nothing was pruned).</summary>
    public long PrunedEvents { get; init; }

    /// <summary>Gets how many events were checked.</summary>
    public required long EventsChecked { get; init; }

    /// <summary>Gets how the chain is broken.</summary>
    public required AuditChainFailure Failure { get; init; }

    /// <summary>Gets the id of the first event that breaks the chain, or <see langword="null"/>.</summary>
    public string? FirstBadEventId { get; init; }

    /// <summary>Gets the sequence number of the first event that breaks the chain, or <see langword="null"/>.</summary>
    public long? FirstBadSequence { get; init; }

    /// <summary>Gets what is wrong, for a person to read, or <see langword="null"/> when valid.</summary>
    public string? Message { get; init; }
}

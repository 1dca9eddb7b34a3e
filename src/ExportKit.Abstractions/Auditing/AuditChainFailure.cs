namespace ExportKit;

/// <summary>How the audit chain is broken.</summary>
public enum AuditChainFailure
{
    /// <summary>The chain holds.</summary>
    None,

    /// <summary>An event's content no longer matches its hash.</summary>
    Changed,

    /// <summary>An event is missing: a sequence number is skipped, or the previous hash points at an event that is not there.</summary>
    Missing,

    /// <summary>Events are out of order: a sequence number repeats or goes back.</summary>
    OutOfOrder,

    /// <summary>
    /// An event's row is malformed: a value has the wrong type or shape (a severity that is not one of the four names,
    /// a tenant id stored as bytes, an unreadable timestamp or JSON), so the tenant-scoped queries would not see the
    /// event as it was recorded, or not at all.
    /// </summary>
    Malformed,

    /// <summary>
    /// The transparency log's tree does not match the events: a leaf is missing, or a stored tree hash is not the one
    /// the leaves give, so proofs from this store cannot be trusted.
    /// </summary>
    TreeMismatch,

    /// <summary>The log is shorter than a checkpoint given to verify against: events it signed were removed.</summary>
    Truncated,

    /// <summary>The log's tree at a checkpoint's size is not the checkpoint's: history it signed was rewritten.</summary>
    Rewritten,
}

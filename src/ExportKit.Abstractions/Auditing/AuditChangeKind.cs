namespace ExportKit;

/// <summary>How a value differs between the state before and after.</summary>
public enum AuditChangeKind
{
    /// <summary>The value is in both and differs.</summary>
    Changed,

    /// <summary>The value is only in the state after.</summary>
    Added,

    /// <summary>The value is only in the state before.</summary>
    Removed,
}

namespace ExportKit;

/// <summary>One entry of the export log. Entries are appended, never changed.</summary>
public abstract record ExportLogEntry
{
    /// <summary>Gets when it happened, in UTC.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the tenant it concerns, or <see langword="null"/> when unknown.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the facility it concerns, or <see langword="null"/>.</summary>
    public string? FacilityId { get; init; }

    /// <summary>Gets the kind of entry (see <see cref="ExportLogEntryTypes"/>).</summary>
    public abstract string EntryType { get; }

    /// <summary>Gets the user the entry is about.</summary>
    public abstract string UserId { get; }
}

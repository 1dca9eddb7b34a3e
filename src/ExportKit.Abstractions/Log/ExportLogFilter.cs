namespace ExportKit;

/// <summary>Which export log entries to read. Every property left <see langword="null"/> matches everything.</summary>
public sealed record ExportLogFilter
{
    /// <summary>Gets the tenant the entries must concern.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the entry type (see <see cref="ExportLogEntryTypes"/>).</summary>
    public string? EntryType { get; init; }

    /// <summary>Gets the first instant included.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the first instant excluded.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Tells whether an entry matches.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><see langword="true"/> when it matches every property that is set.</returns>
    public bool Matches(ExportLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (TenantId is null || string.Equals(entry.TenantId, TenantId, StringComparison.Ordinal))
            && (EntryType is null || string.Equals(entry.EntryType, EntryType, StringComparison.Ordinal))
            && (From is null || entry.Timestamp >= From)
            && (To is null || entry.Timestamp < To);
    }
}

using System.Text.Json.Serialization;

namespace ExportKit;

/// <summary>
/// One entry of the export log. Entries are appended, never changed. They serialise with System.Text.Json,
/// the <c>entryType</c> property naming the kind, so that a durable store can keep them as JSON.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "entryType")]
[JsonDerivedType(typeof(ExportGeneratedEntry), ExportLogEntryTypes.ExportGenerated)]
[JsonDerivedType(typeof(ExportDownloadedEntry), ExportLogEntryTypes.ExportDownloaded)]
[JsonDerivedType(typeof(PolicyDecisionEntry), ExportLogEntryTypes.PolicyDecision)]
[JsonDerivedType(typeof(ExportErrorEntry), ExportLogEntryTypes.Error)]
public abstract record ExportLogEntry
{
    /// <summary>Gets when it happened, in UTC.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the tenant it concerns, or <see langword="null"/> when unknown.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the facility it concerns, or <see langword="null"/>.</summary>
    public string? FacilityId { get; init; }

    /// <summary>Gets the kind of entry (see <see cref="ExportLogEntryTypes"/>).</summary>
    [JsonIgnore]
    public abstract string EntryType { get; }

    /// <summary>Gets the user the entry is about.</summary>
    [JsonIgnore]
    public abstract string UserId { get; }
}

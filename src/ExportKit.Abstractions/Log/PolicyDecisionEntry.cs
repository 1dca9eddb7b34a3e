using System.Text.Json.Serialization;

namespace ExportKit;

/// <summary>Policy decided on a query (<c>policy-decision</c>).</summary>
public sealed record PolicyDecisionEntry : ExportLogEntry
{
    /// <summary>Gets the query's id.</summary>
    public required string QueryId { get; init; }

    /// <summary>Gets the federation of the query's scope, or <see langword="null"/>.</summary>
    public string? FederationId { get; init; }

    /// <summary>Gets the decision.</summary>
    public required PolicyDecision Decision { get; init; }

    /// <summary>Gets who asked (<c>anonymous</c> when there was no principal).</summary>
    public required string RequestedBy { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string EntryType => ExportLogEntryTypes.PolicyDecision;

    /// <inheritdoc />
    [JsonIgnore]
    public override string UserId => RequestedBy;
}

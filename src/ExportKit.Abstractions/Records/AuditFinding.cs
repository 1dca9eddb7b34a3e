namespace ExportKit;

/// <summary>Phase 50 audit finding: a governance issue found by an audit.</summary>
public sealed class AuditFinding : PhaseRecord
{
    /// <summary>Gets the finding's id.</summary>
    public required string AuditFindingId { get; init; }

    /// <summary>Gets the severity, for example <c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets the finding's category.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the status, for example <c>open</c> or <c>resolved</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Gets what was found.</summary>
    public required string Description { get; init; }

    /// <summary>Gets when it was found.</summary>
    public required DateTimeOffset FoundAt { get; init; }

    /// <summary>Gets when it was resolved, or <see langword="null"/>.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.AuditFindings;

    /// <inheritdoc />
    public override string RecordId => AuditFindingId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => FoundAt;

    /// <inheritdoc />
    public override string? SummarySeverity => Severity;

    /// <inheritdoc />
    public override string? SummaryStatus => Status;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("auditFindingId", AuditFindingId));
        fields.Add(new("severity", Severity));
        fields.Add(new("category", Category));
        fields.Add(new("status", Status));
        fields.Add(new("description", Description));
        fields.Add(new("foundAt", FoundAt));
        fields.Add(new("resolvedAt", ResolvedAt));
    }
}

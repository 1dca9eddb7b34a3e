namespace ExportKit;

/// <summary>Phase 51 drift event: an environmental value that drifted from its baseline.</summary>
public sealed class DriftEvent : PhaseRecord
{
    /// <summary>Gets the event's id.</summary>
    public required string DriftId { get; init; }

    /// <summary>Gets the severity.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets what drifted, for example <c>temperature</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Gets when the drift was detected.</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    /// <summary>Gets when it was resolved, or <see langword="null"/>.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.DriftEvents;

    /// <inheritdoc />
    public override string RecordId => DriftId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => DetectedAt;

    /// <inheritdoc />
    public override string? SummarySeverity => Severity;

    /// <inheritdoc />
    public override string? SummaryStatus => ResolvedAt is null ? "open" : "resolved";

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("driftId", DriftId));
        fields.Add(new("severity", Severity));
        fields.Add(new("category", Category));
        fields.Add(new("detectedAt", DetectedAt));
        fields.Add(new("resolvedAt", ResolvedAt));
    }
}

namespace ExportKit;

/// <summary>Phase 56 capacity projection: forecast capacity for a time window.</summary>
public sealed class CapacityProjection : PhaseRecord
{
    /// <summary>Gets the projection's id.</summary>
    public required string ProjectionId { get; init; }

    /// <summary>Gets the resource projected, for example <c>storage</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the projected capacity used, 0 to 1.</summary>
    public required double ProjectedCapacity { get; init; }

    /// <summary>Gets the risk level, for example <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
    public required string RiskLevel { get; init; }

    /// <summary>Gets the start of the window.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Gets the end of the window.</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.CapacityProjections;

    /// <inheritdoc />
    public override string RecordId => ProjectionId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => WindowStart;

    /// <inheritdoc />
    public override string? SummarySeverity => RiskLevel;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("projectionId", ProjectionId));
        fields.Add(new("category", Category));
        fields.Add(new("projectedCapacity", ProjectedCapacity));
        fields.Add(new("riskLevel", RiskLevel));
        fields.Add(new("windowStart", WindowStart));
        fields.Add(new("windowEnd", WindowEnd));
    }
}

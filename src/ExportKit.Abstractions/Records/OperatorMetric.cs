namespace ExportKit;

/// <summary>Phase 54 operator metric: one operator's performance over a period.</summary>
public sealed class OperatorMetric : PhaseRecord
{
    /// <summary>Gets the metric's id.</summary>
    public required string MetricId { get; init; }

    /// <summary>Gets the operator's id.</summary>
    public required string OperatorId { get; init; }

    /// <summary>Gets the operator's name.</summary>
    public required string OperatorName { get; init; }

    /// <summary>Gets share of time utilised, 0 to 1.</summary>
    public required double UtilizationRate { get; init; }

    /// <summary>Gets share of tasks completed, 0 to 1.</summary>
    public required double TaskCompletionRate { get; init; }

    /// <summary>Gets share of SLAs met, 0 to 1.</summary>
    public required double SlaComplianceRate { get; init; }

    /// <summary>Gets when the metric was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.OperatorMetrics;

    /// <inheritdoc />
    public override string RecordId => MetricId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => RecordedAt;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("metricId", MetricId));
        fields.Add(new("operatorId", OperatorId));
        fields.Add(new("operatorName", OperatorName));
        fields.Add(new("utilizationRate", UtilizationRate));
        fields.Add(new("taskCompletionRate", TaskCompletionRate));
        fields.Add(new("slaComplianceRate", SlaComplianceRate));
        fields.Add(new("recordedAt", RecordedAt));
    }
}

namespace ExportKit;

/// <summary>Phase 58 executive insight: a strategic observation with its metrics.</summary>
public sealed class ExecutiveInsight : PhaseRecord
{
    /// <summary>Gets the insight's id.</summary>
    public required string InsightId { get; init; }

    /// <summary>Gets the insight's category.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the severity.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets the observation.</summary>
    public required string Summary { get; init; }

    /// <summary>Gets the metrics behind it; exported sorted by name.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Gets when it was made.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.Insights;

    /// <inheritdoc />
    public override string RecordId => InsightId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => GeneratedAt;

    /// <inheritdoc />
    public override string? SummarySeverity => Severity;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("insightId", InsightId));
        fields.Add(new("category", Category));
        fields.Add(new("severity", Severity));
        fields.Add(new("summary", Summary));
        fields.Add(new("metrics", Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new ExportField(m.Key, m.Value)).ToArray()));
        fields.Add(new("generatedAt", GeneratedAt));
    }
}

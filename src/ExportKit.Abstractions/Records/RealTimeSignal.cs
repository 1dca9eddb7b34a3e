namespace ExportKit;

/// <summary>Phase 55 real-time signal: one telemetry reading.</summary>
public sealed class RealTimeSignal : PhaseRecord
{
    /// <summary>Gets the signal's id.</summary>
    public required string SignalId { get; init; }

    /// <summary>Gets what was measured, for example <c>temperature</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the reading.</summary>
    public required double Value { get; init; }

    /// <summary>Gets the unit, for example <c>celsius</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>Gets the severity.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets when the reading was taken.</summary>
    public required DateTimeOffset ReadAt { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.RealTimeSignals;

    /// <inheritdoc />
    public override string RecordId => SignalId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => ReadAt;

    /// <inheritdoc />
    public override string? SummarySeverity => Severity;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("signalId", SignalId));
        fields.Add(new("metric", Metric));
        fields.Add(new("value", Value));
        fields.Add(new("unit", Unit));
        fields.Add(new("severity", Severity));
        fields.Add(new("timestamp", ReadAt));
    }
}

namespace ExportKit;

/// <summary>Phase 52 alert: a notification with a service-level deadline.</summary>
public sealed class Alert : PhaseRecord
{
    /// <summary>Gets the alert's id.</summary>
    public required string AlertId { get; init; }

    /// <summary>Gets the severity.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets the alert's category.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the status, for example <c>open</c>, <c>acknowledged</c>, <c>resolved</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Gets when it was raised.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it was resolved, or <see langword="null"/>.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Gets when it must be resolved by, or <see langword="null"/> when no SLA applies.</summary>
    public DateTimeOffset? SlaDeadline { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.Alerts;

    /// <inheritdoc />
    public override string RecordId => AlertId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => CreatedAt;

    /// <inheritdoc />
    public override string? SummarySeverity => Severity;

    /// <inheritdoc />
    public override string? SummaryStatus => Status;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("alertId", AlertId));
        fields.Add(new("severity", Severity));
        fields.Add(new("category", Category));
        fields.Add(new("status", Status));
        fields.Add(new("createdAt", CreatedAt));
        fields.Add(new("resolvedAt", ResolvedAt));
        fields.Add(new("slaDeadline", SlaDeadline));
    }
}

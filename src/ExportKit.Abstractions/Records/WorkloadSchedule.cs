namespace ExportKit;

/// <summary>Phase 57 schedule: the outcome of one workload orchestration run.</summary>
public sealed class WorkloadSchedule : PhaseRecord
{
    /// <summary>Gets the schedule's id.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>Gets slots scheduled.</summary>
    public required int TotalSlots { get; init; }

    /// <summary>Gets conflicts found.</summary>
    public required int TotalConflicts { get; init; }

    /// <summary>Gets critical conflicts found.</summary>
    public required int CriticalConflicts { get; init; }

    /// <summary>Gets average capacity utilisation, 0 to 1.</summary>
    public required double AverageCapacityUtilization { get; init; }

    /// <summary>Gets sLA risk score, 0 to 100.</summary>
    public required double SlaRiskScore { get; init; }

    /// <summary>Gets when the schedule was made.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.Schedules;

    /// <inheritdoc />
    public override string RecordId => ScheduleId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => GeneratedAt;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("scheduleId", ScheduleId));
        fields.Add(new("totalSlots", TotalSlots));
        fields.Add(new("totalConflicts", TotalConflicts));
        fields.Add(new("criticalConflicts", CriticalConflicts));
        fields.Add(new("averageCapacityUtilization", AverageCapacityUtilization));
        fields.Add(new("slaRiskScore", SlaRiskScore));
        fields.Add(new("generatedAt", GeneratedAt));
    }
}

namespace ExportKit;

/// <summary>Phase 53 task: a unit of workflow with a service-level deadline.</summary>
public sealed class WorkflowTask : PhaseRecord
{
    /// <summary>Gets the task's id.</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets the priority, for example <c>urgent</c>, <c>high</c>, <c>normal</c>, <c>low</c>.</summary>
    public required string Priority { get; init; }

    /// <summary>Gets the status, for example <c>pending</c>, <c>in-progress</c>, <c>completed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Gets when it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it was completed, or <see langword="null"/>.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets when it must be completed by, or <see langword="null"/> when no SLA applies.</summary>
    public DateTimeOffset? SlaDeadline { get; init; }

    /// <summary>Gets who it is assigned to, or <see langword="null"/>.</summary>
    public string? AssignedTo { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.Tasks;

    /// <inheritdoc />
    public override string RecordId => TaskId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => CreatedAt;

    /// <inheritdoc />
    public override string? SummarySeverity => Priority;

    /// <inheritdoc />
    public override string? SummaryStatus => Status;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("taskId", TaskId));
        fields.Add(new("priority", Priority));
        fields.Add(new("status", Status));
        fields.Add(new("createdAt", CreatedAt));
        fields.Add(new("completedAt", CompletedAt));
        fields.Add(new("slaDeadline", SlaDeadline));
        fields.Add(new("assignedTo", AssignedTo));
    }
}

namespace ExportKit.Assembly;

/// <summary>
/// Turns alerts and tasks with a deadline into SLA records: <c>met</c> when closed by the deadline,
/// <c>breached</c> when closed after it or still open past it, <c>pending</c> when open and not yet due.
/// Records without a deadline have no SLA and are left out.
/// </summary>
internal static class SlaProjection
{
    public const string ItemType = "sla-record";

    public static ProjectedItem? Project(PhaseRecord record, DateTimeOffset now) => record switch
    {
        Alert { SlaDeadline: { } deadline } alert =>
            Create(alert, "alert", alert.AlertId, alert.Severity, alert.Status, alert.CreatedAt, alert.ResolvedAt, deadline, now),
        WorkflowTask { SlaDeadline: { } deadline } task =>
            Create(task, "task", task.TaskId, task.Priority, task.Status, task.CreatedAt, task.CompletedAt, deadline, now),
        _ => null,
    };

    public static string Judge(DateTimeOffset? closedAt, DateTimeOffset deadline, DateTimeOffset now) => closedAt switch
    {
        { } closed when closed <= deadline => "met",
        { } => "breached",
        null when now > deadline => "breached",
        null => "pending",
    };

    private static ProjectedItem Create(PhaseRecord record, string sourceType, string id, string severity, string status, DateTimeOffset createdAt, DateTimeOffset? closedAt, DateTimeOffset deadline, DateTimeOffset now)
    {
        var slaStatus = Judge(closedAt, deadline, now);
        ExportField[] data =
        [
            new("sourceType", sourceType),
            new("sourceId", id),
            new("severity", severity),
            new("status", status),
            new("createdAt", createdAt),
            new("closedAt", closedAt),
            new("slaDeadline", deadline),
            new("slaStatus", slaStatus),
            new("tenantId", record.TenantId),
            new("facilityId", record.FacilityId),
        ];
        var references = record.References.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new ProjectedItem(new ExportItem(id, ItemType, record.Timestamp, data, references), severity, slaStatus);
    }
}

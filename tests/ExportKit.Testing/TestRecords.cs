namespace ExportKit.Testing;

/// <summary>Small, fixed records of every phase for tests: tenant <c>acme</c> (facilities f1, f2) and one <c>globex</c> record each.</summary>
public static class TestRecords
{
    public static readonly DateTimeOffset Base = new(2026, 2, 10, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<PhaseRecord> All(string tenant = "acme") =>
    [
        new AuditFinding { AuditFindingId = "af-001", TenantId = tenant, FacilityId = "f1", Severity = "critical", Category = "access-control", Status = "open", Description = "Badge reader bypassed at dock 3", FoundAt = Base, References = ["drift-002"] },
        new AuditFinding { AuditFindingId = "af-002", TenantId = tenant, FacilityId = "f2", Severity = "low", Category = "documentation", Status = "resolved", Description = "SOP revision missing signature", FoundAt = Base.AddDays(1), ResolvedAt = Base.AddDays(2) },
        new DriftEvent { DriftId = "drift-001", TenantId = tenant, FacilityId = "f1", Severity = "medium", Category = "temperature", DetectedAt = Base.AddHours(3) },
        new DriftEvent { DriftId = "drift-002", TenantId = tenant, FacilityId = "f2", Severity = "high", Category = "humidity", DetectedAt = Base.AddHours(5), ResolvedAt = Base.AddHours(9) },
        new Alert { AlertId = "al-001", TenantId = tenant, FacilityId = "f1", Severity = "high", Category = "equipment", Status = "resolved", CreatedAt = Base.AddHours(1), ResolvedAt = Base.AddHours(2), SlaDeadline = Base.AddHours(4) },
        new Alert { AlertId = "al-002", TenantId = tenant, FacilityId = "f1", Severity = "critical", Category = "security", Status = "resolved", CreatedAt = Base.AddHours(6), ResolvedAt = Base.AddHours(12), SlaDeadline = Base.AddHours(8) },
        new WorkflowTask { TaskId = "task-001", TenantId = tenant, FacilityId = "f1", Priority = "high", Status = "completed", CreatedAt = Base.AddHours(2), CompletedAt = Base.AddHours(3), SlaDeadline = Base.AddHours(6), AssignedTo = "op-7" },
        new WorkflowTask { TaskId = "task-002", TenantId = tenant, FacilityId = "f2", Priority = "normal", Status = "in-progress", CreatedAt = Base.AddHours(4), SlaDeadline = Base.AddDays(30) },
        new OperatorMetric { MetricId = "om-001", TenantId = tenant, FacilityId = "f1", OperatorId = "op-7", OperatorName = "Dana Ruiz", UtilizationRate = 0.82, TaskCompletionRate = 0.95, SlaComplianceRate = 0.9, RecordedAt = Base.AddDays(1) },
        new RealTimeSignal { SignalId = "sig-001", TenantId = tenant, FacilityId = "f1", Metric = "temperature", Value = 21.5, Unit = "celsius", Severity = "info", ReadAt = Base.AddMinutes(30) },
        new CapacityProjection { ProjectionId = "cap-001", TenantId = tenant, FacilityId = "f2", Category = "storage", ProjectedCapacity = 0.91, RiskLevel = "high", WindowStart = Base.AddDays(3), WindowEnd = Base.AddDays(10) },
        new WorkloadSchedule { ScheduleId = "sch-001", TenantId = tenant, FacilityId = "f1", TotalSlots = 120, TotalConflicts = 4, CriticalConflicts = 1, AverageCapacityUtilization = 0.76, SlaRiskScore = 12.5, GeneratedAt = Base.AddDays(2) },
        new ExecutiveInsight { InsightId = "ins-001", TenantId = tenant, Category = "compliance", Severity = "warning", Summary = "SLA breaches doubled week over week", Metrics = new Dictionary<string, double> { ["slaBreaches"] = 4, ["changePercent"] = 100 }, GeneratedAt = Base.AddDays(4) },
        new EnterpriseReport { ReportId = "rep-001", TenantId = tenant, Category = "quarterly", Title = "Q1 Operations Review", SectionsCount = 6, GeneratedAt = Base.AddDays(5) },
    ];

    /// <summary>An item list for one phase, in (timestamp, id) order, as a builder would stream it.</summary>
    public static ExportItem ToItem(PhaseRecord record) =>
        new(record.RecordId, record.Phase.ItemType, record.Timestamp, record.GetFields(), record.References);

    public static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> values)
    {
        foreach (var value in values)
        {
            await Task.Yield();
            yield return value;
        }
    }
}

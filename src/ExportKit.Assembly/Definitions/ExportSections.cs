namespace ExportKit.Assembly;

/// <summary>The section definitions the built-in categories are made of; hosts may reuse them in their own categories.</summary>
public static class ExportSections
{
    /// <summary>Phase 50: all findings with severity and status.</summary>
    public static ExportSectionDefinition AuditFindings { get; } = new("audit-findings", "Audit Findings", "All findings with severity and status", [ExportPhase.AuditFindings]);

    /// <summary>Phase 51: drift detection logs.</summary>
    public static ExportSectionDefinition DriftEvents { get; } = new("drift-events", "Environmental Drift Events", "Drift detection logs", [ExportPhase.DriftEvents]);

    /// <summary>Phases 52 and 53: task and alert SLA tracking with met/breached status.</summary>
    public static ExportSectionDefinition SlaCompliance { get; } = new("sla-compliance", "SLA Compliance", "Task and alert SLA tracking with met/breached status", [ExportPhase.Alerts, ExportPhase.Tasks], SlaProjection.Project);

    /// <summary>Phase 52: notification tracking.</summary>
    public static ExportSectionDefinition AlertLogs { get; } = new("alert-logs", "Alert Logs", "Notification tracking", [ExportPhase.Alerts]);

    /// <summary>Phase 53: workflow execution.</summary>
    public static ExportSectionDefinition TaskLogs { get; } = new("task-logs", "Task Logs", "Workflow execution", [ExportPhase.Tasks]);

    /// <summary>Phase 54: operator and team performance.</summary>
    public static ExportSectionDefinition OperatorAnalytics { get; } = new("operator-analytics", "Operator Analytics", "Operator and team performance metrics", [ExportPhase.OperatorMetrics]);

    /// <summary>Phase 55: real-time telemetry signals.</summary>
    public static ExportSectionDefinition RealTimeMetrics { get; } = new("real-time-metrics", "Real-Time Metrics", "Real-time telemetry signals", [ExportPhase.RealTimeSignals]);

    /// <summary>Phase 56: resource projections.</summary>
    public static ExportSectionDefinition CapacityForecasts { get; } = new("capacity-forecasts", "Capacity Forecasts", "Resource projections", [ExportPhase.CapacityProjections]);

    /// <summary>Phase 57: orchestration data.</summary>
    public static ExportSectionDefinition WorkloadSchedules { get; } = new("workload-schedules", "Workload Schedules", "Orchestration data", [ExportPhase.Schedules]);

    /// <summary>Phase 58: strategic analysis and insights.</summary>
    public static ExportSectionDefinition ExecutiveInsights { get; } = new("executive-insights", "Executive Insights", "Strategic analysis and insights", [ExportPhase.Insights]);

    /// <summary>Phase 59: comprehensive reports.</summary>
    public static ExportSectionDefinition EnterpriseReports { get; } = new("enterprise-reports", "Enterprise Reports", "Comprehensive reports", [ExportPhase.Reports]);

    /// <summary>Gets one section per phase, 50 to 59, in phase order.</summary>
    public static IReadOnlyList<ExportSectionDefinition> PerPhase { get; } =
        [AuditFindings, DriftEvents, AlertLogs, TaskLogs, OperatorAnalytics, RealTimeMetrics, CapacityForecasts, WorkloadSchedules, ExecutiveInsights, EnterpriseReports];
}

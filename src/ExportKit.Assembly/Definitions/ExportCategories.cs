namespace ExportKit.Assembly;

/// <summary>The definitions of the fourteen built-in categories, with exactly the sections the specification lists.</summary>
public static class ExportCategories
{
    /// <summary>Gets the fourteen definitions, in the order of <see cref="ExportCategory.BuiltIn"/>.</summary>
    public static IReadOnlyList<ExportCategoryDefinition> BuiltIn { get; } =
    [
        new(ExportCategory.CompliancePack, "Compliance Pack", "Full compliance bundle for audits",
            [ExportSections.AuditFindings, ExportSections.DriftEvents, ExportSections.SlaCompliance]),
        new(ExportCategory.ExecutiveSummary, "Executive Summary", "High-level strategic insights for executives",
            [ExportSections.ExecutiveInsights, ExportSections.EnterpriseReports]),
        new(ExportCategory.OperationalSnapshot, "Operational Snapshot", "Current operational state snapshot",
            [ExportSections.TaskLogs, ExportSections.AlertLogs, ExportSections.WorkloadSchedules, ExportSections.CapacityForecasts]),
        Single(ExportCategory.AuditFindings, "Audit Findings", ExportSections.AuditFindings),
        Single(ExportCategory.DriftLogs, "Drift Logs", ExportSections.DriftEvents),
        Single(ExportCategory.AlertLogs, "Alert Logs", ExportSections.AlertLogs),
        Single(ExportCategory.TaskLogs, "Task Logs", ExportSections.TaskLogs),
        Single(ExportCategory.OperatorAnalytics, "Operator Analytics", ExportSections.OperatorAnalytics),
        Single(ExportCategory.RealTimeMetrics, "Real-Time Metrics", ExportSections.RealTimeMetrics),
        Single(ExportCategory.CapacityForecasts, "Capacity Forecasts", ExportSections.CapacityForecasts),
        Single(ExportCategory.Schedules, "Schedules", ExportSections.WorkloadSchedules),
        Single(ExportCategory.Insights, "Insights", ExportSections.ExecutiveInsights),
        Single(ExportCategory.Reports, "Reports", ExportSections.EnterpriseReports),
        new(ExportCategory.FullOperational, "Full Operational Export", "Complete operational data export", ExportSections.PerPhase),
    ];

    /// <summary>Finds the built-in definition of a category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The definition, or <see langword="null"/> when the category is not built in.</returns>
    public static ExportCategoryDefinition? Find(ExportCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return BuiltIn.FirstOrDefault(d => d.Category.Equals(category));
    }

    private static ExportCategoryDefinition Single(ExportCategory category, string title, ExportSectionDefinition section) =>
        new(category, title, FormattableString.Invariant($"{section.DataSource} only"), [section]);
}

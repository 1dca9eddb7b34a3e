namespace ExportKit.Policy;

/// <summary>
/// The phases of the fourteen built-in categories, for an engine created without a category catalog (the policy package
/// cannot see the builder's definitions). ExportKit's engine passes its own catalog, which also knows host categories;
/// a test checks that the two agree.
/// </summary>
internal sealed class BuiltInCategoryPhases : IExportCategoryPhases
{
    public static readonly BuiltInCategoryPhases Instance = new();

    private static readonly Dictionary<ExportCategory, ExportPhase[]> Phases = new()
    {
        [ExportCategory.CompliancePack] = [ExportPhase.AuditFindings, ExportPhase.DriftEvents, ExportPhase.Alerts, ExportPhase.Tasks],
        [ExportCategory.ExecutiveSummary] = [ExportPhase.Insights, ExportPhase.Reports],
        [ExportCategory.OperationalSnapshot] = [ExportPhase.Tasks, ExportPhase.Alerts, ExportPhase.Schedules, ExportPhase.CapacityProjections],
        [ExportCategory.AuditFindings] = [ExportPhase.AuditFindings],
        [ExportCategory.DriftLogs] = [ExportPhase.DriftEvents],
        [ExportCategory.AlertLogs] = [ExportPhase.Alerts],
        [ExportCategory.TaskLogs] = [ExportPhase.Tasks],
        [ExportCategory.OperatorAnalytics] = [ExportPhase.OperatorMetrics],
        [ExportCategory.RealTimeMetrics] = [ExportPhase.RealTimeSignals],
        [ExportCategory.CapacityForecasts] = [ExportPhase.CapacityProjections],
        [ExportCategory.Schedules] = [ExportPhase.Schedules],
        [ExportCategory.Insights] = [ExportPhase.Insights],
        [ExportCategory.Reports] = [ExportPhase.Reports],
        [ExportCategory.FullOperational] = [.. ExportPhase.BuiltIn],
    };

    public IReadOnlyList<ExportPhase>? FindPhases(ExportCategory category) => Phases.GetValueOrDefault(category);
}

namespace ExportKit;

/// <summary>
/// Identifies what an export contains. The fourteen built-in categories are static members;
/// a host may define its own with <see cref="ExportCategory(string)"/> and register its sections.
/// </summary>
public sealed class ExportCategory : IEquatable<ExportCategory>
{
    /// <summary>Full compliance bundle: audit findings, drift events and SLA compliance.</summary>
    public static readonly ExportCategory CompliancePack = new("compliance-pack");
    /// <summary>Executive insights and enterprise reports.</summary>
    public static readonly ExportCategory ExecutiveSummary = new("executive-summary");
    /// <summary>Tasks, alerts, schedules and capacity forecasts.</summary>
    public static readonly ExportCategory OperationalSnapshot = new("operational-snapshot");
    /// <summary>Phase 50 only.</summary>
    public static readonly ExportCategory AuditFindings = new("audit-findings");
    /// <summary>Phase 51 only.</summary>
    public static readonly ExportCategory DriftLogs = new("drift-logs");
    /// <summary>Phase 52 only.</summary>
    public static readonly ExportCategory AlertLogs = new("alert-logs");
    /// <summary>Phase 53 only.</summary>
    public static readonly ExportCategory TaskLogs = new("task-logs");
    /// <summary>Phase 54 only.</summary>
    public static readonly ExportCategory OperatorAnalytics = new("operator-analytics");
    /// <summary>Phase 55 only.</summary>
    public static readonly ExportCategory RealTimeMetrics = new("real-time-metrics");
    /// <summary>Phase 56 only.</summary>
    public static readonly ExportCategory CapacityForecasts = new("capacity-forecasts");
    /// <summary>Phase 57 only.</summary>
    public static readonly ExportCategory Schedules = new("schedules");
    /// <summary>Phase 58 only.</summary>
    public static readonly ExportCategory Insights = new("insights");
    /// <summary>Phase 59 only.</summary>
    public static readonly ExportCategory Reports = new("reports");
    /// <summary>Every section of every phase, 50 to 59.</summary>
    public static readonly ExportCategory FullOperational = new("full-operational");

    /// <summary>Creates a category identifier.</summary>
    /// <param name="value">Lower-case words separated by dashes, for example <c>compliance-pack</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid identifier.</exception>
    public ExportCategory(string value) => Value = IdentifierRules.Validate(value, nameof(value), "category");

    /// <summary>Gets the fourteen categories ExportKit ships, in the order the specification lists them.</summary>
    public static IReadOnlyList<ExportCategory> BuiltIn { get; } =
    [
        CompliancePack, ExecutiveSummary, OperationalSnapshot, AuditFindings, DriftLogs, AlertLogs, TaskLogs,
        OperatorAnalytics, RealTimeMetrics, CapacityForecasts, Schedules, Insights, Reports, FullOperational,
    ];

    /// <summary>Gets the identifier, for example <c>compliance-pack</c>.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public bool Equals(ExportCategory? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportCategory);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

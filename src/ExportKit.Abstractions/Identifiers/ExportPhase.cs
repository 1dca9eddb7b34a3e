namespace ExportKit;

/// <summary>
/// One of the operational engines whose records ExportKit exports ("Phases 50–59" of the specification).
/// A host may define further phases for its own categories.
/// </summary>
public sealed class ExportPhase : IEquatable<ExportPhase>
{
    /// <summary>Phase 50: audit findings.</summary>
    public static readonly ExportPhase AuditFindings = new(50, "audit-findings", "Audit & Governance Engine", "audit-finding");
    /// <summary>Phase 51: drift events.</summary>
    public static readonly ExportPhase DriftEvents = new(51, "drift-events", "Drift Detection Engine", "drift-event");
    /// <summary>Phase 52: alerts.</summary>
    public static readonly ExportPhase Alerts = new(52, "alerts", "Alert & Notification Engine", "alert");
    /// <summary>Phase 53: tasks.</summary>
    public static readonly ExportPhase Tasks = new(53, "tasks", "Task & Workflow Engine", "task");
    /// <summary>Phase 54: operator metrics.</summary>
    public static readonly ExportPhase OperatorMetrics = new(54, "operator-metrics", "Operator & Team Performance Engine", "operator-metric");
    /// <summary>Phase 55: real-time signals.</summary>
    public static readonly ExportPhase RealTimeSignals = new(55, "real-time-signals", "Real-Time Telemetry & Signal Processing", "real-time-signal");
    /// <summary>Phase 56: capacity projections.</summary>
    public static readonly ExportPhase CapacityProjections = new(56, "capacity-projections", "Capacity Forecasting & Resource Planning", "capacity-projection");
    /// <summary>Phase 57: schedules.</summary>
    public static readonly ExportPhase Schedules = new(57, "schedules", "Workload Orchestration & Scheduling Engine", "schedule");
    /// <summary>Phase 58: executive insights.</summary>
    public static readonly ExportPhase Insights = new(58, "insights", "Executive Insights & Enterprise Reporting Center", "insight");
    /// <summary>Phase 59: enterprise reports.</summary>
    public static readonly ExportPhase Reports = new(59, "reports", "Enterprise Reporting & Compliance Pack Generator", "report");

    /// <summary>Creates a phase.</summary>
    /// <param name="number">The phase number shown in data source names, for example 50.</param>
    /// <param name="key">A unique identifier, for example <c>audit-findings</c>.</param>
    /// <param name="name">The engine's name, for example <c>Audit &amp; Governance Engine</c>.</param>
    /// <param name="itemType">The item type of its records, for example <c>audit-finding</c>.</param>
    public ExportPhase(int number, string key, string name, string itemType)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Number = number;
        Key = IdentifierRules.Validate(key, nameof(key), "phase");
        Name = name;
        ItemType = IdentifierRules.Validate(itemType, nameof(itemType), "item type");
    }

    /// <summary>Gets the ten phases of the specification, 50 to 59.</summary>
    public static IReadOnlyList<ExportPhase> BuiltIn { get; } =
        [AuditFindings, DriftEvents, Alerts, Tasks, OperatorMetrics, RealTimeSignals, CapacityProjections, Schedules, Insights, Reports];

    /// <summary>Gets the phase number.</summary>
    public int Number { get; }

    /// <summary>Gets the unique identifier.</summary>
    public string Key { get; }

    /// <summary>Gets the engine's name.</summary>
    public string Name { get; }

    /// <summary>Gets the item type of this phase's records.</summary>
    public string ItemType { get; }

    /// <summary>Gets the data source name used in sections, for example <c>Phase 50: Audit &amp; Governance Engine</c>.</summary>
    public string DataSource => FormattableString.Invariant($"Phase {Number}: {Name}");

    /// <inheritdoc />
    public bool Equals(ExportPhase? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportPhase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <inheritdoc />
    public override string ToString() => DataSource;
}

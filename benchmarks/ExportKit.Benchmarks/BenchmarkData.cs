using ExportKit.Assembly;
using ExportKit.Sources;

namespace ExportKit.Benchmarks;

/// <summary>Bundles of generated alerts held in memory, so benchmarks measure formatting, not data access.</summary>
internal static class BenchmarkData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ExportItem[] Items(int count) =>
        Enumerable.Range(0, count).Select(i => SectionItem(Alert(i))).ToArray();

    public static Alert Alert(int i, string tenant = "acme") => Alert(i, Now.AddDays(-20).AddSeconds(i), Now.AddDays(-20).AddSeconds(i + 14400), tenant);

    public static Alert Alert(int i, DateTimeOffset createdAt, DateTimeOffset slaDeadline, string tenant = "acme") => new()
    {
        AlertId = $"al-{i:D7}",
        TenantId = tenant,
        FacilityId = "acme-east",
        Severity = (i % 4) switch { 0 => "low", 1 => "medium", 2 => "high", _ => "critical" },
        Category = i % 2 == 0 ? "equipment" : "security",
        Status = i % 3 == 0 ? "open" : "resolved",
        CreatedAt = createdAt,
        ResolvedAt = i % 3 == 0 ? null : Now.AddDays(-20).AddSeconds(i + 3600),
        SlaDeadline = slaDeadline,
    };

    public static ExportBundle Bundle(ExportItem[] items, ExportFormat format) => Bundle(new ArraySequence(items), items.Length, format);

    public static ExportBundle Bundle(IAsyncEnumerable<ExportItem> items, long count, ExportFormat format) =>
        Bundle([new ExportSection("alert-logs", "Alert Logs", "Notification tracking", ExportPhase.Alerts.DataSource, new SectionSummary($"{count} items.", [], []), count, Now, items)], format);

    public static ExportBundle Bundle(IReadOnlyList<ExportSection> sections, ExportFormat format)
    {
        var range = ExportTimeRange.LastDays(Now, 30);
        var section = sections[0];
        var count = sections.Sum(s => s.ItemCount);
        return new ExportBundle
        {
            BundleId = "bnd_000000000000000000000000",
            ExportId = "exp_benchmark",
            Title = "Alert Logs",
            Description = "Phase 52 only",
            Category = ExportCategory.AlertLogs,
            Format = format,
            Scope = new ExportScope("acme"),
            TimeRange = range,
            Sections = sections,
            References = [],
            Metadata = new ExportMetadata
            {
                GeneratedAt = Now, GeneratedBy = "bench", Format = format, TotalSections = sections.Count, TotalItems = count,
                DataSourcesUsed = [section.DataSource], TimeRange = range, ComputationTimeMs = 0, Compressed = format.IsBundleFormat,
            },
        };
    }

    /// <summary>The seed's per-category item counts, spread over the phases each category reads.</summary>
    public static IReadOnlyList<InMemoryPhaseDataSource> Sources(int itemsPerPhase)
    {
        var start = Now.AddDays(-25);
        var records = new List<PhaseRecord>();
        for (var i = 0; i < itemsPerPhase; i++)
        {
            var at = start.AddMinutes(i * 7);
            var id = i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            records.Add(new AuditFinding { AuditFindingId = "af-" + id, TenantId = "acme", Severity = "high", Category = "access", Status = "open", Description = "Finding " + id, FoundAt = at });
            records.Add(new DriftEvent { DriftId = "dr-" + id, TenantId = "acme", Severity = "low", Category = "temperature", DetectedAt = at });
            records.Add(Alert(i, at, at.AddHours(4)));
            records.Add(new WorkflowTask { TaskId = "tk-" + id, TenantId = "acme", Priority = "normal", Status = "completed", CreatedAt = at, CompletedAt = at.AddHours(1), SlaDeadline = at.AddHours(8), AssignedTo = "op-1" });
            records.Add(new OperatorMetric { MetricId = "om-" + id, TenantId = "acme", OperatorId = "op-1", OperatorName = "Operator 1", UtilizationRate = 0.8, TaskCompletionRate = 0.9, SlaComplianceRate = 0.95, RecordedAt = at });
            records.Add(new RealTimeSignal { SignalId = "sg-" + id, TenantId = "acme", Metric = "temperature", Value = 21.5, Unit = "celsius", Severity = "info", ReadAt = at });
            records.Add(new CapacityProjection { ProjectionId = "cp-" + id, TenantId = "acme", Category = "storage", ProjectedCapacity = 0.7, RiskLevel = "low", WindowStart = at, WindowEnd = at.AddDays(7) });
            records.Add(new WorkloadSchedule { ScheduleId = "sc-" + id, TenantId = "acme", TotalSlots = 96, TotalConflicts = 2, CriticalConflicts = 0, AverageCapacityUtilization = 0.6, SlaRiskScore = 10, GeneratedAt = at });
            records.Add(new ExecutiveInsight { InsightId = "in-" + id, TenantId = "acme", Category = "compliance", Severity = "info", Summary = "Insight " + id, Metrics = new Dictionary<string, double> { ["a"] = 1 }, GeneratedAt = at });
            records.Add(new EnterpriseReport { ReportId = "rp-" + id, TenantId = "acme", Category = "monthly", Title = "Report " + id, SectionsCount = 4, GeneratedAt = at });
        }

        return InMemoryPhaseDataSource.ForEachPhase(records);
    }

    private static ExportItem SectionItem(PhaseRecord record) => ExportSectionDefinition.Default(record, Now).Item;

    /// <summary>An async view of an array that allocates one enumerator per pass.</summary>
    internal sealed class ArraySequence(ExportItem[] items) : IAsyncEnumerable<ExportItem>
    {
        public async IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }
}

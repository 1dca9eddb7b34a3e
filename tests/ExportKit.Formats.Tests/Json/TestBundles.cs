using System.Globalization;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Json;

/// <summary>Small bundles assembled by hand from <see cref="TestRecords.All"/>, the way a builder would.</summary>
internal static class TestBundles
{
    public static readonly ExportTimeRange Range = ExportTimeRange.LastDays(TestClock.Now, 30);

    public static ExportBundle CompliancePack()
    {
        var records = TestRecords.All();
        return Bundle(
            "bnd_0c0ffee0c0ffee0c0ffee000", "Compliance Pack", "Full compliance bundle for audits.", ExportCategory.CompliancePack, new ExportScope("acme"), ReferencesOf(records.Where(r => r is AuditFinding or DriftEvent or Alert or WorkflowTask)),
            Section("audit-findings", "Audit Findings", "All findings with severity and status.", ExportPhase.AuditFindings.DataSource, records.OfType<AuditFinding>()),
            Section("drift-events", "Environmental Drift Events", "Drift detection logs.", ExportPhase.DriftEvents.DataSource, records.OfType<DriftEvent>()),
            Section("sla-compliance", "SLA Compliance", "Task and alert SLA tracking with met/breached status.", "Phase 52/53: Alert & Task SLA Tracking",
                records.Where(r => r is Alert or WorkflowTask), SlaStatus));
    }

    public static ExportBundle ExecutiveSummary()
    {
        var records = TestRecords.All();
        return Bundle(
            "bnd_e0e0e0e0e0e0e0e0e0e0e0e0", "Executive Summary", "High-level strategic insights for executives.", ExportCategory.ExecutiveSummary, new ExportScope("acme", federationId: "fed-north"),
            Section("insights", "Executive Insights", "Strategic analysis and insights.", ExportPhase.Insights.DataSource, records.OfType<ExecutiveInsight>()),
            Section("reports", "Enterprise Reports", "Comprehensive reports.", ExportPhase.Reports.DataSource, records.OfType<EnterpriseReport>()));
    }

    public static ExportBundle AlertLogs()
    {
        var records = TestRecords.All();
        return Bundle(
            "bnd_a1e7a1e7a1e7a1e7a1e7a1e7", "Alert Logs", "Phase 52 only.", ExportCategory.AlertLogs, new ExportScope("acme", "f1"),
            Section("alert-logs", "Alert Logs", "Notification tracking.", ExportPhase.Alerts.DataSource, records.OfType<Alert>()));
    }

    /// <summary>A one-section bundle around the given items; <paramref name="itemCount"/> is what the section declares.</summary>
    public static ExportBundle WithItems(IAsyncEnumerable<ExportItem> items, long itemCount, string sectionId = "custom") => Bundle(
        "bnd_000000000000000000000001", "Custom", "Hand-made items.", new ExportCategory("custom"), new ExportScope("acme"),
        new ExportSection(sectionId, "Custom", "Hand-made items.", "Phase 99: Test Engine", new SectionSummary($"{itemCount} items.", [], []), itemCount, TestClock.Now, items));

    public static ExportBundle WithItems(params ExportItem[] items) => WithItems(TestRecords.Stream(items), items.Length);

    public static ExportItem Item(string itemId, params ExportField[] data) => new(itemId, "test-item", TestRecords.Base, data);

    public static ExportBundle Bundle(string bundleId, string title, string description, ExportCategory category, ExportScope scope, params ExportSection[] sections) =>
        Bundle(bundleId, title, description, category, scope, [], sections);

    public static ExportBundle Bundle(string bundleId, string title, string description, ExportCategory category, ExportScope scope, IReadOnlyList<string> references, params ExportSection[] sections) => new()
    {
        BundleId = bundleId,
        ExportId = "exp_0001",
        Title = title,
        Description = description,
        Category = category,
        Format = ExportFormat.Json,
        Scope = scope,
        TimeRange = Range,
        Sections = sections,
        References = references,
        Metadata = new ExportMetadata
        {
            GeneratedAt = TestClock.Now,
            GeneratedBy = "user-42",
            Format = ExportFormat.Json,
            TotalSections = sections.Length,
            TotalItems = sections.Sum(s => s.ItemCount),
            DataSourcesUsed = [.. sections.Select(s => s.DataSource).Distinct()],
            TimeRange = Range,
            ComputationTimeMs = 17,
            Compressed = false,
        },
    };

    private static ExportSection Section(string id, string title, string description, string dataSource, IEnumerable<PhaseRecord> records, Func<PhaseRecord, string?>? status = null)
    {
        var ordered = records.OrderBy(r => r.Timestamp).ThenBy(r => r.RecordId, StringComparer.Ordinal).ToList();
        status ??= r => r.SummaryStatus;
        var bySeverity = Counts(ordered.Select(r => r.SummarySeverity));
        var byStatus = Counts(ordered.Select(status));
        var text = string.Create(CultureInfo.InvariantCulture, $"{ordered.Count} items. Severity: {Text(bySeverity)}. Status: {Text(byStatus)}.");
        var summary = new SectionSummary(text, bySeverity, byStatus);
        return new ExportSection(id, title, description, dataSource, summary, ordered.Count, TestClock.Now, TestRecords.Stream(ordered.Select(TestRecords.ToItem)));
    }

    private static string[] ReferencesOf(IEnumerable<PhaseRecord> records) =>
        [.. records.SelectMany(r => r.References).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? SlaStatus(PhaseRecord record) => record switch
    {
        Alert a when a.ResolvedAt is { } done => done <= a.SlaDeadline ? "met" : "breached",
        WorkflowTask t when t.CompletedAt is { } done => done <= t.SlaDeadline ? "met" : "breached",
        _ => "pending",
    };

    private static SummaryCount[] Counts(IEnumerable<string?> keys) =>
        [.. keys.OfType<string>().GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SummaryCount(g.Key, g.Count()))];

    private static string Text(SummaryCount[] counts) =>
        counts.Length == 0 ? "none" : string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Count}")));
}

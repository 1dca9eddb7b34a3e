using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>Sections: order, merged sources, SLA judgements, summaries and references.</summary>
public sealed class ExportBundleAssemblerSectionTests
{
    private static Alert Alert(string id, DateTimeOffset createdAt, DateTimeOffset? deadline, DateTimeOffset? resolvedAt = null, string severity = "high", string[]? references = null) => new()
    {
        AlertId = id, TenantId = Tenant, FacilityId = "f1", Severity = severity, Category = "equipment",
        Status = resolvedAt is null ? "open" : "resolved", CreatedAt = createdAt, ResolvedAt = resolvedAt, SlaDeadline = deadline,
        References = references ?? [],
    };

    private static WorkflowTask Task(string id, DateTimeOffset createdAt, DateTimeOffset? deadline) => new()
    {
        TaskId = id, TenantId = Tenant, Priority = "normal", Status = "pending", CreatedAt = createdAt, SlaDeadline = deadline,
    };

    private static IPhaseDataSource[] SlaSources(IEnumerable<PhaseRecord> alerts, IEnumerable<PhaseRecord> tasks) =>
    [
        new ListSource(ExportPhase.AuditFindings, []),
        new ListSource(ExportPhase.DriftEvents, []),
        new ListSource(ExportPhase.Alerts, alerts),
        new ListSource(ExportPhase.Tasks, tasks),
    ];

    [Fact]
    public async Task Sections_come_in_the_categorys_order_with_their_definitions_text()
    {
        var built = await BuildAsync(ExportCategory.OperationalSnapshot);

        Assert.Equal(["task-logs", "alert-logs", "workload-schedules", "capacity-forecasts"], built.Bundle.Sections.Select(s => s.SectionId));
        var section = built.Bundle.Sections[0];
        Assert.Equal("Task Logs", section.Title);
        Assert.Equal("Workflow execution", section.Description);
        Assert.Equal("Phase 53: Task & Workflow Engine", section.DataSource);
        Assert.Equal(TestClock.Now, section.GeneratedAt);
    }

    [Fact]
    public async Task Sla_section_merges_alerts_and_tasks_in_timestamp_order_and_judges_each()
    {
        var built = await BuildAsync(ExportCategory.CompliancePack);

        var items = await built.Section("sla-compliance").ReadItemsAsync();

        Assert.Equal(["al-001", "task-001", "task-002", "al-002"], items.Select(i => i.ItemId));
        Assert.Equal(["alert", "task", "task", "alert"], items.Select(i => i.Field("sourceType")));
        Assert.Equal(["met", "met", "pending", "breached"], items.Select(i => i.Field("slaStatus")));
        Assert.All(items, i => Assert.Equal("sla-record", i.ItemType));
    }

    [Fact]
    public async Task Merged_items_with_one_timestamp_are_ordered_by_id_ordinally_then_by_phase()
    {
        var at = Base.AddHours(1);
        var alerts = new[] { Alert("b-1", at, at), Alert("x-1", at, at) };
        var tasks = new[] { Task("B-1", at, at), Task("a-1", at, at), Task("x-1", at, at) };

        var built = await BuildAsync(ExportCategory.CompliancePack, SlaSources(alerts, tasks));

        var items = await built.Section("sla-compliance").ReadItemsAsync();
        Assert.Equal(["B-1", "a-1", "b-1", "x-1", "x-1"], items.Select(i => i.ItemId));
        Assert.Equal(["task", "task", "alert", "alert", "task"], items.Select(i => i.Field("sourceType")));
    }

    [Fact]
    public async Task An_open_record_past_its_deadline_at_the_clocks_now_is_breached()
    {
        var alerts = new[]
        {
            Alert("al-late", Base, deadline: TestClock.Now.AddTicks(-1)),
            Alert("al-due", Base.AddHours(1), deadline: TestClock.Now),
            Alert("al-none", Base.AddHours(2), deadline: null),
        };

        var built = await BuildAsync(ExportCategory.CompliancePack, SlaSources(alerts, []));

        var section = built.Section("sla-compliance");
        var items = await section.ReadItemsAsync();
        Assert.Equal(["al-late", "al-due"], items.Select(i => i.ItemId));
        Assert.Equal(["breached", "pending"], items.Select(i => i.Field("slaStatus")));
        Assert.Equal("2 items. Severity: high 2. Status: breached 1, pending 1.", section.Summary.Text);
    }

    [Fact]
    public async Task Summaries_count_items_by_severity_and_status_sorted_by_key()
    {
        var built = await BuildAsync(ExportCategory.CompliancePack);

        var findings = built.Section("audit-findings").Summary;
        Assert.Equal("2 items. Severity: critical 1, low 1. Status: open 1, resolved 1.", findings.Text);
        Assert.Equal([new SummaryCount("critical", 1), new SummaryCount("low", 1)], findings.BySeverity);
        Assert.Equal([new SummaryCount("open", 1), new SummaryCount("resolved", 1)], findings.ByStatus);

        Assert.Equal("2 items. Severity: high 1, medium 1. Status: open 1, resolved 1.", built.Section("drift-events").Summary.Text);

        var sla = built.Section("sla-compliance").Summary;
        Assert.Equal("4 items. Severity: critical 1, high 2, normal 1. Status: breached 1, met 2, pending 1.", sla.Text);
        Assert.Equal([new SummaryCount("breached", 1), new SummaryCount("met", 2), new SummaryCount("pending", 1)], sla.ByStatus);
    }

    [Fact]
    public async Task Summaries_sort_keys_ordinally()
    {
        var alerts = new[] { Alert("al-1", Base, null, severity: "low"), Alert("al-2", Base.AddHours(1), null, severity: "High") };

        var built = await BuildAsync(ExportCategory.AlertLogs, [new ListSource(ExportPhase.Alerts, alerts)]);

        Assert.Equal("2 items. Severity: High 1, low 1. Status: open 2.", built.Section("alert-logs").Summary.Text);
    }

    [Fact]
    public async Task Summaries_of_a_single_item_or_of_records_without_severity_say_only_the_count()
    {
        var built = await BuildAsync(ExportCategory.OperatorAnalytics);

        var summary = built.Section("operator-analytics").Summary;
        Assert.Equal("1 item.", summary.Text);
        Assert.Empty(summary.BySeverity);
        Assert.Empty(summary.ByStatus);
    }

    [Fact]
    public async Task An_empty_section_says_zero_items()
    {
        var built = await BuildAsync(ExportCategory.AuditFindings, [new ListSource(ExportPhase.AuditFindings, [])]);

        var section = Assert.Single(built.Bundle.Sections);
        Assert.Equal("0 items.", section.Summary.Text);
        Assert.Equal(0, section.ItemCount);
        Assert.Empty(await section.ReadItemsAsync());
    }

    [Fact]
    public async Task Items_carry_the_records_fields_in_their_declared_order()
    {
        var built = await BuildAsync(ExportCategory.AuditFindings);

        var item = (await built.Section("audit-findings").ReadItemsAsync())[0];

        var record = Record("af-001");
        Assert.Equal("audit-finding", item.ItemType);
        Assert.Equal(record.Timestamp, item.Timestamp);
        Assert.Equal(record.GetFields(), item.Data);
    }

    [Fact]
    public async Task References_are_sorted_and_de_duplicated_within_items_and_across_the_bundle()
    {
        var alerts = new[]
        {
            Alert("al-1", Base, Base.AddDays(1), Base.AddHours(1), references: ["z-9", "af-001", "af-001"]),
            Alert("al-2", Base.AddHours(1), Base.AddDays(1), Base.AddHours(2), references: ["drift-002", "Z-0"]),
        };
        var findings = new ListSource(ExportPhase.AuditFindings, Records().OfType<AuditFinding>()); // af-001 refers to drift-002
        IPhaseDataSource[] sources = [findings, new ListSource(ExportPhase.DriftEvents, []), new ListSource(ExportPhase.Alerts, alerts), new ListSource(ExportPhase.Tasks, [])];

        var built = await BuildAsync(ExportCategory.CompliancePack, sources);

        var sla = await built.Section("sla-compliance").ReadItemsAsync();
        Assert.Equal(["af-001", "z-9"], sla[0].References);
        Assert.Equal(["Z-0", "drift-002"], sla[1].References);
        Assert.Equal(["Z-0", "af-001", "drift-002", "z-9"], built.Bundle.References);
    }

    [Fact]
    public async Task Items_enumerated_twice_are_the_same_items()
    {
        var built = await BuildAsync(ExportCategory.CompliancePack);
        var section = built.Section("sla-compliance");

        var first = await section.ReadItemsAsync();
        var second = await section.ReadItemsAsync();

        Assert.Equal(4, first.Count);
        Assert.Equal(first.Select(i => (i.ItemId, i.ItemType, i.Timestamp)), second.Select(i => (i.ItemId, i.ItemType, i.Timestamp)));
        Assert.Equal(first.SelectMany(i => i.Data), second.SelectMany(i => i.Data));
        Assert.Equal(first.SelectMany(i => i.References), second.SelectMany(i => i.References));
    }
}

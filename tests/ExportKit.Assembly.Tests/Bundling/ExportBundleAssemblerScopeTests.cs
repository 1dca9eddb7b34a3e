using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>What the builder reads, and what it drops: other tenants, other facilities, instants outside the range.</summary>
public sealed class ExportBundleAssemblerScopeTests
{
    private static AuditFinding Finding(string id, string tenant, DateTimeOffset foundAt, string? facility = "f1") => new()
    {
        AuditFindingId = id, TenantId = tenant, FacilityId = facility, Severity = "high", Category = "leak",
        Status = "open", Description = "secret of " + tenant, FoundAt = foundAt, References = ["ref-of-" + id],
    };

    [Fact]
    public async Task Drops_and_counts_records_of_another_tenant_that_a_source_returns()
    {
        var source = new ListSource(ExportPhase.AuditFindings,
        [
            Finding("af-001", Tenant, Base),
            Finding("af-500", "globex", Base.AddHours(1)),
            Finding("af-501", "ACME", Base.AddHours(2)),
            Finding("af-002", Tenant, Base.AddHours(3)),
        ]);

        var built = await BuildAsync(ExportCategory.AuditFindings, [source]);

        var section = built.Section("audit-findings");
        var items = await section.ReadItemsAsync();
        Assert.Equal(2, built.RecordsDropped);
        Assert.Equal(["af-001", "af-002"], items.Select(i => i.ItemId));
        Assert.All(items, i => Assert.Equal(Tenant, i.Field("tenantId")));
        Assert.Equal(2, section.ItemCount);
        Assert.Equal("2 items. Severity: high 2. Status: open 2.", section.Summary.Text);
        Assert.Equal(["ref-of-af-001", "ref-of-af-002"], built.Bundle.References);
    }

    [Fact]
    public async Task Asks_each_source_for_the_querys_scope_and_time_range()
    {
        var sources = ListSource.ForEveryPhase(Records());
        var scope = new ExportScope(Tenant, "f1");

        await BuildAsync(ExportCategory.CompliancePack, sources, scope);

        var expected = new PhaseReadRequest(scope, ThirtyDays);
        Assert.All(sources.Take(4), s => Assert.Equal([expected], s.Requests));
    }

    [Fact]
    public async Task Keeps_only_the_facility_of_a_facility_scope()
    {
        var built = await BuildAsync(ExportCategory.CompliancePack, new ExportScope(Tenant, "f1"));

        Assert.Equal(["af-001"], await built.Section("audit-findings").ReadIdsAsync());
        Assert.Equal(["drift-001"], await built.Section("drift-events").ReadIdsAsync());
        Assert.Equal(["al-001", "task-001", "al-002"], await built.Section("sla-compliance").ReadIdsAsync());
        Assert.Equal(3, built.RecordsDropped); // af-002, drift-002 and task-002 are in f2
    }

    [Fact]
    public async Task A_facility_scope_drops_records_that_belong_to_no_facility()
    {
        var built = await BuildAsync(ExportCategory.Insights, new ExportScope(Tenant, "f1"));

        Assert.Empty(await built.Section("executive-insights").ReadItemsAsync());
        Assert.Equal(1, built.RecordsDropped);
    }

    [Fact]
    public async Task Drops_records_outside_the_half_open_time_range()
    {
        var range = new ExportTimeRange(Base.AddHours(1), Base.AddHours(6)); // al-001 at +1h is in, al-002 at +6h is out

        var built = await BuildAsync(ExportCategory.AlertLogs, ListSource.ForEveryPhase(Records()), range: range);

        Assert.Equal(["al-001"], await built.Section("alert-logs").ReadIdsAsync());
        Assert.Equal(1, built.RecordsDropped);
        Assert.Equal(range, built.Bundle.TimeRange);
    }

    [Fact]
    public async Task Drops_records_before_the_time_range()
    {
        var range = new ExportTimeRange(Base.AddTicks(1), Base.AddDays(3));

        var built = await BuildAsync(ExportCategory.AuditFindings, ListSource.ForEveryPhase(Records()), range: range);

        Assert.Equal(["af-002"], await built.Section("audit-findings").ReadIdsAsync());
        Assert.Equal(1, built.RecordsDropped);
    }

    [Fact]
    public async Task Records_without_an_sla_are_left_out_of_the_sla_section_but_not_counted_as_dropped()
    {
        var noDeadline = new Alert { AlertId = "al-000", TenantId = Tenant, Severity = "low", Category = "c", Status = "open", CreatedAt = Base };
        var alerts = new ListSource(ExportPhase.Alerts, [noDeadline, .. Records().OfType<Alert>()]);
        var tasks = new ListSource(ExportPhase.Tasks, Records().OfType<WorkflowTask>());
        var others = ListSource.ForEveryPhase(Records()).Where(s => s.Phase.Number is 50 or 51);

        var built = await BuildAsync(ExportCategory.CompliancePack, [.. others, alerts, tasks]);

        Assert.Equal(["al-001", "task-001", "task-002", "al-002"], await built.Section("sla-compliance").ReadIdsAsync());
        Assert.Equal(4, built.Section("sla-compliance").ItemCount);
        Assert.Equal(0, built.RecordsDropped);
    }

    [Theory]
    [InlineData("audit-findings", 50)]
    [InlineData("drift-logs", 51)]
    [InlineData("alert-logs", 52)]
    [InlineData("task-logs", 53)]
    [InlineData("operator-analytics", 54)]
    [InlineData("real-time-metrics", 55)]
    [InlineData("capacity-forecasts", 56)]
    [InlineData("schedules", 57)]
    [InlineData("insights", 58)]
    [InlineData("reports", 59)]
    public async Task A_single_source_category_reads_exactly_its_phase(string category, int phase)
    {
        var sources = ListSource.ForEveryPhase(Records());

        var built = await BuildAsync(new ExportCategory(category), sources);

        Assert.Equal(sources.Select(s => s.Phase.Number == phase ? 1 : 0), sources.Select(s => s.Reads));
        var section = Assert.Single(built.Bundle.Sections);
        var expected = Records().Where(r => r.Phase.Number == phase).Select(r => r.RecordId);
        Assert.Equal(expected, await section.ReadIdsAsync());
    }

    [Fact]
    public async Task Full_operational_reads_every_phase_once_into_its_own_section()
    {
        var sources = ListSource.ForEveryPhase(Records());

        var built = await BuildAsync(ExportCategory.FullOperational, sources);

        Assert.All(sources, s => Assert.Equal(1, s.Reads));
        Assert.Equal(ExportPhase.BuiltIn.Select(p => p.DataSource), built.Bundle.Sections.Select(s => s.DataSource));
        Assert.Equal([2L, 2, 2, 2, 1, 1, 1, 1, 1, 1], built.Bundle.Sections.Select(s => s.ItemCount));
    }

    [Fact]
    public async Task Exports_real_time_signals()
    {
        var sources = ListSource.ForEveryPhase(Testing.TestRecords.All());

        var built = await BuildAsync(ExportCategory.RealTimeMetrics, sources);

        Assert.Equal(["sig-001"], await built.Section("real-time-metrics").ReadIdsAsync());
        Assert.Equal("1 item. Severity: info 1.", built.Section("real-time-metrics").Summary.Text);
    }
}

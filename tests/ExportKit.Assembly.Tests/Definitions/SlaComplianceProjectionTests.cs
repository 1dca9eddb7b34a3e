using ExportKit.Testing;

namespace ExportKit.Assembly.Tests.Definitions;

/// <summary>The SLA judgement of <see cref="ExportSections.SlaCompliance"/>, read through its public projection.</summary>
public sealed class SlaComplianceProjectionTests
{
    private static readonly DateTimeOffset Created = TestRecords.Base;
    private static readonly DateTimeOffset Deadline = Created.AddHours(4);

    private static ProjectedItem? Project(PhaseRecord record, DateTimeOffset? now = null) =>
        ExportSections.SlaCompliance.Projection(record, now ?? TestClock.Now);

    private static Alert Alert(DateTimeOffset? resolvedAt, DateTimeOffset? deadline) => new()
    {
        AlertId = "al-1", TenantId = "acme", FacilityId = "f1", Severity = "high", Category = "equipment",
        Status = resolvedAt is null ? "open" : "resolved", CreatedAt = Created, ResolvedAt = resolvedAt, SlaDeadline = deadline,
    };

    private static WorkflowTask Task(DateTimeOffset? completedAt, DateTimeOffset? deadline) => new()
    {
        TaskId = "task-1", TenantId = "acme", FacilityId = "f2", Priority = "urgent",
        Status = completedAt is null ? "in-progress" : "completed", CreatedAt = Created, CompletedAt = completedAt, SlaDeadline = deadline,
    };

    [Theory]
    [InlineData(1, "met")] // closed before the deadline
    [InlineData(4, "met")] // closed exactly at the deadline
    [InlineData(5, "breached")] // closed after it
    public void Judges_a_closed_alert_by_when_it_was_resolved(int resolvedAfterHours, string expected)
    {
        var projected = Project(Alert(Created.AddHours(resolvedAfterHours), Deadline));

        Assert.Equal(expected, projected!.Status);
        Assert.Equal(expected, projected.Item.Field("slaStatus"));
    }

    [Theory]
    [InlineData(1, "met")]
    [InlineData(4, "met")]
    [InlineData(5, "breached")]
    public void Judges_a_closed_task_by_when_it_was_completed(int completedAfterHours, string expected) =>
        Assert.Equal(expected, Project(Task(Created.AddHours(completedAfterHours), Deadline))!.Status);

    [Theory]
    [InlineData(3, "pending")] // not yet due
    [InlineData(4, "pending")] // due right now: not past it yet
    [InlineData(5, "breached")] // past its deadline and still open
    public void Judges_an_open_record_against_the_exports_clock(int nowAfterHours, string expected)
    {
        var now = Created.AddHours(nowAfterHours);

        Assert.Equal(expected, Project(Alert(null, Deadline), now)!.Status);
        Assert.Equal(expected, Project(Task(null, Deadline), now)!.Status);
    }

    [Fact]
    public void Leaves_out_alerts_and_tasks_without_a_deadline()
    {
        Assert.Null(Project(Alert(Created.AddHours(1), null)));
        Assert.Null(Project(Task(null, null)));
    }

    [Fact]
    public void Leaves_out_records_of_other_phases() =>
        Assert.Null(Project(AssemblerFixture.Record("af-001")));

    [Fact]
    public void Makes_an_sla_record_of_an_alert_with_the_fields_in_order()
    {
        var resolved = Created.AddHours(2);
        var item = Project(Alert(resolved, Deadline))!.Item;

        Assert.Equal("sla-record", item.ItemType);
        Assert.Equal("al-1", item.ItemId);
        Assert.Equal(Created, item.Timestamp);
        Assert.Equal(
            [
                new("sourceType", "alert"), new("sourceId", "al-1"), new("severity", "high"), new("status", "resolved"),
                new("createdAt", Created), new("closedAt", (DateTimeOffset?)resolved), new("slaDeadline", Deadline),
                new("slaStatus", "met"), new("tenantId", "acme"), new("facilityId", "f1"),
            ],
            item.Data);
    }

    [Fact]
    public void Makes_an_sla_record_of_a_task_with_its_priority_as_severity()
    {
        var projected = Project(Task(null, Deadline), Created)!;

        Assert.Equal("urgent", projected.Severity);
        Assert.Equal("pending", projected.Status);
        Assert.Equal("task", projected.Item.Field("sourceType"));
        Assert.Equal("task-1", projected.Item.Field("sourceId"));
        Assert.Equal("urgent", projected.Item.Field("severity"));
        Assert.Equal("in-progress", projected.Item.Field("status"));
        Assert.Null(projected.Item.Field("closedAt"));
        Assert.Equal("f2", projected.Item.Field("facilityId"));
    }

    [Fact]
    public void Sorts_and_de_duplicates_the_records_references()
    {
        var alert = Alert(null, Deadline).With(it => it.References, ["z-1", "B-2", "a-3", "z-1"]);

        Assert.Equal(["B-2", "a-3", "z-1"], Project(alert)!.Item.References);
    }
}

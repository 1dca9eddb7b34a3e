using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Trail;

public sealed class AuditTrailQueryTests
{
    private static async Task<AuditTrail> TrailWithEvents()
    {
        var clock = TestClock.Create();
        var trail = Trails.Create(new InMemoryAuditEventStore(), clock);
        AuditEventDraft[] drafts =
        [
            Trails.Draft(eventType: AuditEventTypes.AuthLogin, context: new { method = "password" }),
            Trails.Draft(eventType: AuditEventTypes.AuthFailed, severity: AuditSeverity.Warning, context: new { reason = "Bad password" }),
            Trails.Draft(eventType: AuditEventTypes.SystemError, severity: AuditSeverity.Error, actor: AuditActorType.System, context: new { message = "Connection timeout" }),
            Trails.Draft(tenant: "globex", severity: AuditSeverity.Critical),
            Trails.Draft(eventType: AuditEventTypes.SystemError, severity: AuditSeverity.Error, actor: AuditActorType.System, context: new { message = "Disk full" }),
        ];
        foreach (var draft in drafts)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await trail.RecordAsync(draft);
        }

        return trail;
    }

    [Fact]
    public async Task Returns_a_page_of_the_tenants_matching_events_newest_first()
    {
        var trail = await TrailWithEvents();

        var all = await trail.QueryAsync(new AuditQuery("acme"), Trails.As("acme"));
        var errors = await trail.QueryAsync(new AuditQuery("acme") { Severity = AuditSeverity.Error, ActorType = AuditActorType.System }, Trails.As("acme"));
        var page = await trail.QueryAsync(new AuditQuery("acme") { Limit = 2, Offset = 1 }, Trails.As("acme"));
        var search = await trail.QueryAsync(new AuditQuery("acme") { Search = "TIMEOUT" }, Trails.As("acme"));
        var window = await trail.QueryAsync(new AuditQuery("acme") { StartDate = TestClock.Now.AddMinutes(2), EndDate = TestClock.Now.AddMinutes(3) }, Trails.As("acme"));

        Assert.Equal([5L, 3, 2, 1], all.Select(e => e.Sequence));
        Assert.Equal([5L, 3], errors.Select(e => e.Sequence));
        Assert.Equal([3L, 2], page.Select(e => e.Sequence));
        Assert.Equal([3L], search.Select(e => e.Sequence));
        Assert.Equal([2L], window.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(0, 0, "Limit")]
    [InlineData(1001, 0, "Limit")]
    [InlineData(50, -1, "Offset")]
    public async Task An_out_of_range_page_is_rejected_naming_the_field(int limit, int offset, string field)
    {
        var trail = await TrailWithEvents();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(field, () => trail.QueryAsync(new AuditQuery("acme") { Limit = limit, Offset = offset }, Trails.As("acme")));

        Assert.Contains(field.ToLowerInvariant(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_page_is_1000()
    {
        var trail = await TrailWithEvents();

        Assert.Equal(4, (await trail.QueryAsync(new AuditQuery("acme") { Limit = 1000 }, Trails.As("acme"))).Count);
    }

    [Fact]
    public async Task An_end_date_not_after_the_start_date_is_rejected_naming_the_field()
    {
        var trail = await TrailWithEvents();
        var query = new AuditQuery("acme") { StartDate = TestClock.Now, EndDate = TestClock.Now.AddDays(-1) };

        var error = await Assert.ThrowsAsync<ArgumentException>("EndDate", () => trail.QueryAsync(query, Trails.As()));
        await Assert.ThrowsAsync<ArgumentException>("EndDate", () => trail.CountBySeverityAsync(query, Trails.As()));

        Assert.StartsWith("endDate (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_by_severity_with_every_severity_present_and_paging_ignored()
    {
        var trail = await TrailWithEvents();

        var counts = await trail.CountBySeverityAsync(new AuditQuery("acme") { Limit = 1, Offset = 3 }, Trails.As("acme"));
        var globex = await trail.CountBySeverityAsync(new AuditQuery("globex"), Trails.As("globex"));
        var none = await trail.CountBySeverityAsync(new AuditQuery("initech"), Trails.As("initech"));

        Assert.Equal(new Dictionary<AuditSeverity, long>
        {
            [AuditSeverity.Info] = 1,
            [AuditSeverity.Warning] = 1,
            [AuditSeverity.Error] = 2,
            [AuditSeverity.Critical] = 0,
        }, counts);
        Assert.Equal(1, globex[AuditSeverity.Critical]);
        Assert.Equal(4, none.Count);
        Assert.All(none.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task Gets_an_event_by_id_only_in_its_tenant()
    {
        var trail = await TrailWithEvents();

        Assert.Equal(4, (await trail.GetAsync("aud_0004", Trails.As("globex")))!.Sequence);
        Assert.Null(await trail.GetAsync("aud_0004", Trails.As("acme")));
        Assert.Null(await trail.GetAsync("aud_9999", Trails.As("acme")));
        await Assert.ThrowsAsync<ArgumentNullException>("principal", () => trail.GetAsync("aud_0001", null!));
        await Assert.ThrowsAsync<ArgumentException>("id", () => trail.GetAsync("", Trails.As("acme")));
    }
}

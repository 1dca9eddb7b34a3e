using ExportKit.Storage.Contracts;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Trail;

public sealed class AuditTrailRecordTests
{
    private sealed record Project(string Status, string Name);

    [Fact]
    public async Task Records_the_draft_stamped_with_id_time_sequence_canonical_json_and_diff()
    {
        var store = new InMemoryAuditEventStore();
        var request = new RequestMetadata { IpAddress = "192.168.1.100", UserAgent = "Mozilla/5.0", ForwardedFor = "10.0.0.1", RequestId = "abc123" };

        var recorded = await Trails.Create(store).RecordAsync(new AuditEventDraft
        {
            EventType = "project.updated",
            TenantId = "acme",
            Severity = AuditSeverity.Warning,
            ActorType = AuditActorType.Api,
            UserId = "user-1",
            ResourceType = "project",
            ResourceId = "p1",
            Context = new { field = "value" },
            Request = request,
            Before = new Project("draft", "Old Name"),
            After = new Project("estimating", "New Name"),
        });

        Assert.NotNull(recorded);
        Assert.Equal("aud_0001", recorded.Id);
        Assert.Equal(1, recorded.Sequence);
        Assert.Equal(TestClock.Now, recorded.Timestamp);
        Assert.Equal(("project.updated", AuditSeverity.Warning, AuditActorType.Api), (recorded.EventType, recorded.Severity, recorded.ActorType));
        Assert.Equal(("user-1", "acme", "project", "p1"), (recorded.UserId, recorded.TenantId, recorded.ResourceType, recorded.ResourceId));
        Assert.Equal("""{"field":"value"}""", recorded.ContextJson);
        Assert.Equal(request, recorded.Request);
        Assert.Equal("""{"name":"Old Name","status":"draft"}""", recorded.BeforeJson);
        Assert.Equal("""{"name":"New Name","status":"estimating"}""", recorded.AfterJson);
        Assert.Equal(
        [
            new AuditChange("name", AuditChangeKind.Changed, "\"Old Name\"", "\"New Name\""),
            new AuditChange("status", AuditChangeKind.Changed, "\"draft\"", "\"estimating\""),
        ], recorded.Diff);
        Assert.Equal(new string('0', 64), recorded.PreviousHash);
        Assert.Same(recorded, await store.GetLastAsync());
    }

    [Fact]
    public async Task A_creation_diffs_as_added_at_the_root_and_an_event_without_state_has_no_diff()
    {
        var trail = Trails.Create(new InMemoryAuditEventStore());

        var created = await trail.RecordAsync(Trails.Draft(after: new { status = "draft" }));
        var login = await trail.RecordAsync(Trails.Draft(eventType: AuditEventTypes.AuthLogin));

        Assert.Equal([new AuditChange("$", AuditChangeKind.Added, null, """{"status":"draft"}""")], created!.Diff);
        Assert.Null(created.BeforeJson);
        Assert.Empty(login!.Diff);
        Assert.Null(login.ContextJson);
    }

    [Fact]
    public async Task Sequences_count_up_and_each_event_chains_to_the_last()
    {
        var clock = TestClock.Create();
        var events = await Trails.RecordMany(Trails.Create(new InMemoryAuditEventStore(), clock), clock, 3);

        Assert.Equal([1L, 2, 3], events.Select(e => e.Sequence));
        Assert.Equal(events[1].Hash, events[2].PreviousHash);
        Assert.Equal(TestClock.Now.AddMinutes(3), events[2].Timestamp);
    }

    [Fact]
    public async Task An_unchanged_update_is_recorded_by_default()
    {
        var trail = Trails.Create(new InMemoryAuditEventStore());

        var recorded = await trail.RecordAsync(Trails.Draft(before: new { a = 1 }, after: new { a = 1 }));

        Assert.NotNull(recorded);
        Assert.Empty(recorded.Diff);
    }

    [Fact]
    public async Task With_SkipUnchangedUpdates_an_unchanged_update_is_skipped_but_other_events_are_not()
    {
        var store = new InMemoryAuditEventStore();
        var trail = Trails.Create(store, options: new AuditOptions { SkipUnchangedUpdates = true });

        Assert.Null(await trail.RecordAsync(Trails.Draft(before: new { a = 1, b = new[] { 1 } }, after: new { b = new[] { 1 }, a = 1 })));
        Assert.NotNull(await trail.RecordAsync(Trails.Draft(before: new { a = 1 }, after: new { a = 2 })));
        Assert.NotNull(await trail.RecordAsync(Trails.Draft(eventType: AuditEventTypes.AuthLogin)));
        Assert.NotNull(await trail.RecordAsync(Trails.Draft(after: new { a = 1 })));

        Assert.Equal(3, (await store.GetLastAsync())!.Sequence);
    }

    [Theory]
    [InlineData("", "EventType is blank")]
    [InlineData("   ", "EventType is blank")]
    [InlineData("login", "EventType 'login' is not a dotted lower-case name")]
    [InlineData("Auth.Login", "EventType 'Auth.Login' is not a dotted lower-case name")]
    [InlineData("auth..login", "EventType 'auth..login' is not a dotted lower-case name")]
    [InlineData("auth.login.", "EventType 'auth.login.' is not a dotted lower-case name")]
    [InlineData("auth login.x", "EventType 'auth login.x' is not a dotted lower-case name")]
    public async Task A_bad_event_type_is_rejected_with_a_clear_message(string eventType, string message)
    {
        var trail = Trails.Create(new InMemoryAuditEventStore());

        var error = await Assert.ThrowsAsync<ArgumentException>("draft", () => trail.RecordAsync(Trails.Draft(eventType: eventType)));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_every_event_type_the_specification_names()
    {
        var trail = Trails.Create(new InMemoryAuditEventStore());
        string[] types =
        [
            AuditEventTypes.BillingSubscriptionCreated, AuditEventTypes.SystemMaintenance,
            AuditEventTypes.ExportGenerated(ExportFormat.Zip), "project.events.v2",
        ];

        foreach (var type in types)
        {
            Assert.NotNull(await trail.RecordAsync(Trails.Draft(eventType: type)));
        }
    }

    [Fact]
    public async Task A_blank_tenant_or_an_undefined_enum_is_rejected_naming_the_field()
    {
        var store = new InMemoryAuditEventStore();
        var trail = Trails.Create(store);

        var tenant = await Assert.ThrowsAsync<ArgumentException>("draft", () => trail.RecordAsync(Trails.Draft(tenant: " ")));
        var severity = await Assert.ThrowsAsync<ArgumentException>("draft", () => trail.RecordAsync(Trails.Draft(severity: (AuditSeverity)9)));
        var actor = await Assert.ThrowsAsync<ArgumentException>("draft", () => trail.RecordAsync(Trails.Draft(actor: (AuditActorType)(-1))));

        Assert.StartsWith("TenantId is blank", tenant.Message, StringComparison.Ordinal);
        Assert.StartsWith("Severity 9 is unknown", severity.Message, StringComparison.Ordinal);
        Assert.StartsWith("ActorType -1 is unknown", actor.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetLastAsync());
        await Assert.ThrowsAsync<ArgumentNullException>("draft", () => trail.RecordAsync(null!));
    }

    [Fact]
    public async Task Concurrent_recording_from_8_tasks_keeps_one_gapless_valid_chain()
    {
        const int Tasks = 8, PerTask = 200;
        var store = new InMemoryAuditEventStore();
        var trail = Trails.Create(store);

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerTask; i++)
            {
                await trail.RecordAsync(Trails.Draft(context: new { task = t, i }));
            }
        })));

        var verification = await trail.VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(Tasks * PerTask, verification.EventsChecked);
        var chain = new List<AuditEvent>();
        await foreach (var auditEvent in store.ReadEventsAsync())
        {
            chain.Add(auditEvent);
        }

        Assert.Equal(Enumerable.Range(1, Tasks * PerTask).Select(i => (long)i), chain.Select(e => e.Sequence));
    }

    [Fact]
    public async Task When_another_writer_takes_the_sequence_the_event_is_resealed_on_the_new_last()
    {
        var store = new InMemoryAuditEventStore();
        var ids = new SequentialIds();
        var rival = Trails.Create(store, ids: ids);
        var racing = new RacingStore(store, async () => await rival.RecordAsync(Trails.Draft(context: "rival")), times: 3);
        var trail = Trails.Create(racing, ids: ids);

        var recorded = await trail.RecordAsync(Trails.Draft(context: "mine"));

        Assert.Equal(4, recorded!.Sequence);
        Assert.Equal((await store.QueryAsync(new AuditQuery("acme"), 1, 1).SingleAsync()).Hash, recorded.PreviousHash);
        Assert.True((await trail.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Gives_up_after_100_lost_races_with_a_clear_error()
    {
        var store = new InMemoryAuditEventStore();
        var ids = new SequentialIds();
        var rival = Trails.Create(store, ids: ids);
        var racing = new RacingStore(store, async () => await rival.RecordAsync(Trails.Draft()), times: int.MaxValue);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Trails.Create(racing, ids: ids).RecordAsync(Trails.Draft()));

        Assert.Contains("100 times", error.Message, StringComparison.Ordinal);
        Assert.Equal(100, racing.Attempts);
    }

    [Fact]
    public async Task Record_honours_cancellation()
    {
        var store = new InMemoryAuditEventStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Trails.Create(store).RecordAsync(Trails.Draft(), cancelled.Token));
        Assert.Null(await store.GetLastAsync());
    }
}

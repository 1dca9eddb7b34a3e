using ExportKit.Audit;
using ExportKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// What every <see cref="IAuditEventStore"/> must do: keep events as given, refuse a taken sequence, read the chain in
/// sequence order, query one tenant newest first (highest sequence first) with every filter of <see cref="AuditQuery"/>
/// and paging, and find an event by tenant and id.
/// </summary>
public abstract class AuditEventStoreContract : StoreContract<IAuditEventStore>
{
    private static async Task<IAuditEventStore> AppendAll(IAuditEventStore store, IEnumerable<AuditEvent> events)
    {
        foreach (var auditEvent in events)
        {
            Assert.True(await store.TryAppendAsync(auditEvent), $"sequence {auditEvent.Sequence} was refused");
        }

        return store;
    }

    private static Task<List<AuditEvent>> Query(IAuditEventStore store, AuditQuery query, long offset = 0, long limit = 1000) =>
        store.QueryAsync(query, offset, limit).ToListAsync();

    private static List<long> Sequences(IEnumerable<AuditEvent> events) => events.Select(e => e.Sequence).ToList();

    /// <summary>A store with events recorded through the trail, one minute apart, to query.</summary>
    private async Task<IAuditEventStore> StoreWithVariety()
    {
        var store = NewStore();
        var clock = TestClock.Create();
        var trail = new AuditTrail(store, clock, new SequentialIds(), new AuditOptions());
        AuditEventDraft[] drafts =
        [
            AuditEvents.Draft(eventType: AuditEventTypes.AuthLogin, context: new { method = "password" }),                                   // 1
            AuditEvents.Draft(eventType: AuditEventTypes.AuthFailed, severity: AuditSeverity.Warning, context: new { reason = "Bad PASSWORD" }), // 2
            AuditEvents.Draft(eventType: AuditEventTypes.SystemError, severity: AuditSeverity.Error, actor: AuditActorType.System, userId: null, context: new { message = "Connection timeout" }), // 3
            AuditEvents.Draft(tenant: "globex", eventType: AuditEventTypes.AuthLogin, context: new { method = "password" }),                 // 4
            AuditEvents.Draft(eventType: AuditEventTypes.ContentPublished, actor: AuditActorType.Api, context: new { title = "Crème brûlée" }),   // 5
            AuditEvents.Draft(eventType: AuditEventTypes.SystemMaintenance, severity: AuditSeverity.Critical, actor: AuditActorType.Webhook, userId: null), // 6
            AuditEvents.Draft(eventType: AuditEventTypes.AuthLogin, context: new { method = "sso" }),                                        // 7
        ];
        foreach (var draft in drafts)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await trail.RecordAsync(draft);
        }

        return store;
    }

    [ContractFact]
    public async Task An_empty_store_has_no_last_event_no_chain_and_no_results()
    {
        var store = NewStore();

        Assert.Null(await store.GetLastAsync());
        Assert.Empty(await store.ReadEventsAsync().ToListAsync());
        Assert.Empty(await Query(store, new AuditQuery("acme")));
        Assert.Null(await store.FindAsync("acme", "aud_0001"));
    }

    [ContractFact]
    public async Task Reads_the_chain_back_in_sequence_order_with_every_field_kept()
    {
        AuditEvent[] events = [AuditEvents.Sealed(1), AuditEvents.Full(2), AuditEvents.Sealed(3, tenant: "globex")];
        var store = await AppendAll(NewStore(), events);

        var chain = await store.ReadEventsAsync().ToListAsync();

        Assert.Equal(3, chain.Count);
        for (var i = 0; i < events.Length; i++)
        {
            AuditEvents.AssertSame(events[i], chain[i]);
        }
    }

    [ContractFact]
    public async Task Keeps_timestamps_to_the_tick_and_nulls_as_nulls()
    {
        var full = AuditEvents.Full(1);
        var bare = AuditEvents.Sealed(2).With(it => it.UserId, null).With(it => it.ContextJson, null).With(it => it.Request, null).With(it => it.BeforeJson, null).With(it => it.AfterJson, null).With(it => it.Diff, []);
        var empty = AuditEvents.Sealed(3).With(it => it.UserId, "").With(it => it.ContextJson, "{}").With(it => it.Request, new RequestMetadata());
        var store = await AppendAll(NewStore(), [full, bare, empty]);

        AuditEvents.AssertSame(full, await store.FindAsync("acme", full.Id));
        AuditEvents.AssertSame(bare, await store.FindAsync("acme", bare.Id));
        AuditEvents.AssertSame(empty, await store.FindAsync("acme", empty.Id));
        Assert.Equal(full.Timestamp.UtcTicks, (await store.FindAsync("acme", full.Id))!.Timestamp.UtcTicks);
    }

    [ContractFact]
    public async Task The_last_event_is_the_one_with_the_highest_sequence()
    {
        var store = await AppendAll(NewStore(), [AuditEvents.Sealed(1), AuditEvents.Sealed(2)]);

        AuditEvents.AssertSame(AuditEvents.Sealed(2), await store.GetLastAsync());
    }

    [ContractFact]
    public async Task A_taken_sequence_is_refused_and_the_first_event_kept()
    {
        var store = await AppendAll(NewStore(), [AuditEvents.Sealed(1), AuditEvents.Sealed(2)]);
        var rival = AuditEvents.Sealed(2, id: "aud_rival").With(it => it.ContextJson, "{\"rival\":true}");

        Assert.False(await store.TryAppendAsync(rival));
        Assert.False(await store.TryAppendAsync(AuditEvents.Sealed(1, id: "aud_rival_1")));

        var chain = await store.ReadEventsAsync().ToListAsync();
        Assert.Equal(["aud_0001", "aud_0002"], chain.Select(e => e.Id));
        Assert.Null(await store.FindAsync("acme", "aud_rival"));
    }

    [ContractFact]
    public async Task A_batch_is_appended_in_order_with_every_field_kept()
    {
        var store = await AppendAll(NewStore(), [AuditEvents.Sealed(1)]);
        AuditEvent[] batch = [AuditEvents.Full(2), AuditEvents.Sealed(3), AuditEvents.Sealed(4, tenant: "globex")];

        Assert.Equal(3, await store.TryAppendBatchAsync(batch));

        var chain = await store.ReadEventsAsync().ToListAsync();
        Assert.Equal([1L, 2L, 3L, 4L], chain.Select(e => e.Sequence));
        AuditEvents.AssertSame(batch[0], chain[1]);
        Assert.Equal(0, await store.TryAppendBatchAsync([]));
    }

    [ContractFact]
    public async Task A_batch_whose_first_sequence_is_taken_is_refused_and_nothing_of_it_kept()
    {
        var store = await AppendAll(NewStore(), [AuditEvents.Sealed(1), AuditEvents.Sealed(2)]);

        var appended = await store.TryAppendBatchAsync([AuditEvents.Sealed(2, id: "aud_rival"), AuditEvents.Sealed(3, id: "aud_rival_3")]);

        Assert.Equal(0, appended);
        Assert.Equal(["aud_0001", "aud_0002"], (await store.ReadEventsAsync().ToListAsync()).Select(e => e.Id));
    }

    [ContractFact]
    public async Task A_reused_event_id_at_a_new_sequence_is_an_error_every_store_reports_alike()
    {
        var store = await AppendAll(NewStore(), [AuditEvents.Sealed(1)]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.TryAppendAsync(AuditEvents.Sealed(2, id: "aud_0001")).AsTask());

        Assert.Contains("aud_0001", error.Message, StringComparison.Ordinal);
        Assert.Single(await store.ReadEventsAsync().ToListAsync());
    }

    [ContractFact]
    public async Task Finds_an_event_only_in_its_own_tenant()
    {
        var store = await AppendAll(NewStore(), [AuditEvents.Sealed(1), AuditEvents.Sealed(2, tenant: "globex")]);

        AuditEvents.AssertSame(AuditEvents.Sealed(2, tenant: "globex"), await store.FindAsync("globex", "aud_0002"));
        Assert.Null(await store.FindAsync("acme", "aud_0002"));
        Assert.Null(await store.FindAsync("acme", "aud_9999"));
    }

    [ContractFact]
    public async Task A_query_sees_only_its_tenant_newest_first()
    {
        var store = await StoreWithVariety();

        Assert.Equal([7L, 6, 5, 3, 2, 1], Sequences(await Query(store, new AuditQuery("acme"))));
        Assert.Equal([4L], Sequences(await Query(store, new AuditQuery("globex"))));
        Assert.Empty(await Query(store, new AuditQuery("initech")));
    }

    [ContractFact]
    public async Task Events_recorded_at_the_same_instant_come_highest_sequence_first()
    {
        var at = TestClock.Now;
        var store = await AppendAll(NewStore(), [AuditEvents.Sealed(1, at: at), AuditEvents.Sealed(2, at: at), AuditEvents.Sealed(3, at: at)]);

        Assert.Equal([3L, 2, 1], Sequences(await Query(store, new AuditQuery("acme"))));
    }

    [ContractFact]
    public async Task Filters_by_severity()
    {
        var store = await StoreWithVariety();

        Assert.Equal([6L], Sequences(await Query(store, new AuditQuery("acme") { Severity = AuditSeverity.Critical })));
        Assert.Equal([7L, 5, 1], Sequences(await Query(store, new AuditQuery("acme") { Severity = AuditSeverity.Info })));
    }

    [ContractFact]
    public async Task Filters_by_actor_type()
    {
        var store = await StoreWithVariety();

        Assert.Equal([3L], Sequences(await Query(store, new AuditQuery("acme") { ActorType = AuditActorType.System })));
        Assert.Equal([5L], Sequences(await Query(store, new AuditQuery("acme") { ActorType = AuditActorType.Api })));
        Assert.Equal([6L], Sequences(await Query(store, new AuditQuery("acme") { ActorType = AuditActorType.Webhook })));
    }

    [ContractFact]
    public async Task Filters_by_exact_event_type()
    {
        var store = await StoreWithVariety();

        Assert.Equal([7L, 1], Sequences(await Query(store, new AuditQuery("acme") { EventType = AuditEventTypes.AuthLogin })));
        Assert.Empty(await Query(store, new AuditQuery("acme") { EventType = "auth" }));
        Assert.Empty(await Query(store, new AuditQuery("acme") { EventType = "AUTH.LOGIN" }));
    }

    [ContractFact]
    public async Task The_start_date_is_included_and_the_end_date_excluded()
    {
        var store = await StoreWithVariety();

        // Event n was recorded at Now + n minutes.
        var query = new AuditQuery("acme") { StartDate = TestClock.Now.AddMinutes(2), EndDate = TestClock.Now.AddMinutes(5) };

        Assert.Equal([3L, 2], Sequences(await Query(store, query)));
        Assert.Equal([7L, 6, 5], Sequences(await Query(store, new AuditQuery("acme") { StartDate = TestClock.Now.AddMinutes(5) })));
        Assert.Equal([1L], Sequences(await Query(store, new AuditQuery("acme") { EndDate = TestClock.Now.AddMinutes(2) })));
    }

    [ContractFact]
    public async Task Dates_in_another_offset_mean_the_same_instants()
    {
        var store = await StoreWithVariety();
        var plusTwo = TimeSpan.FromHours(2);

        var query = new AuditQuery("acme") { StartDate = TestClock.Now.AddMinutes(2).ToOffset(plusTwo), EndDate = TestClock.Now.AddMinutes(5).ToOffset(plusTwo) };

        Assert.Equal([3L, 2], Sequences(await Query(store, query)));
    }

    [ContractFact]
    public async Task Search_finds_text_in_the_context_ignoring_ASCII_case()
    {
        var store = await StoreWithVariety();

        Assert.Equal([2L], Sequences(await Query(store, new AuditQuery("acme") { Search = "bad password" })));
        Assert.Equal([2L, 1], Sequences(await Query(store, new AuditQuery("acme") { Search = "PASSWORD" })));
        Assert.Equal([5L], Sequences(await Query(store, new AuditQuery("acme") { Search = "Crème brûlée" })));
    }

    [ContractFact]
    public async Task Search_looks_only_at_the_context_and_never_matches_an_event_without_one()
    {
        var store = await StoreWithVariety();

        // user-1 is every user's id and auth.login an event type, but neither is in any context.
        Assert.Empty(await Query(store, new AuditQuery("acme") { Search = "user-1" }));
        Assert.Empty(await Query(store, new AuditQuery("acme") { Search = "auth.login" }));
        Assert.Equal([7L, 5, 3, 2, 1], Sequences(await Query(store, new AuditQuery("acme") { Search = "{" })));
    }

    [ContractFact]
    public async Task Search_treats_wildcards_and_quotes_as_plain_text()
    {
        var store = await AppendAll(NewStore(),
        [
            AuditEvents.Sealed(1).With(it => it.ContextJson, "{\"q\":\"100% sure\"}"),
            AuditEvents.Sealed(2).With(it => it.ContextJson, "{\"q\":\"100 percent\"}"),
            AuditEvents.Sealed(3).With(it => it.ContextJson, "{\"q\":\"a_b\"}"),
            AuditEvents.Sealed(4).With(it => it.ContextJson, "{\"q\":\"axb\"}"),
            AuditEvents.Sealed(5).With(it => it.ContextJson, "{\"q\":\"it's\"}"),
        ]);

        Assert.Equal([1L], Sequences(await Query(store, new AuditQuery("acme") { Search = "100%" })));
        Assert.Equal([3L], Sequences(await Query(store, new AuditQuery("acme") { Search = "a_b" })));
        Assert.Equal([5L], Sequences(await Query(store, new AuditQuery("acme") { Search = "it's" })));
    }

    [ContractFact]
    public async Task Filters_combine()
    {
        var store = await StoreWithVariety();

        var query = new AuditQuery("acme")
        {
            EventType = AuditEventTypes.AuthLogin,
            Severity = AuditSeverity.Info,
            ActorType = AuditActorType.User,
            Search = "password",
            StartDate = TestClock.Now,
        };

        Assert.Equal([1L], Sequences(await Query(store, query)));
    }

    [ContractFact]
    public async Task Pages_skip_offset_matching_events_and_take_at_most_limit()
    {
        var store = await StoreWithVariety();
        var acme = new AuditQuery("acme");

        Assert.Equal([7L, 6], Sequences(await Query(store, acme, offset: 0, limit: 2)));
        Assert.Equal([5L, 3], Sequences(await Query(store, acme, offset: 2, limit: 2)));
        Assert.Equal([1L], Sequences(await Query(store, acme, offset: 5, limit: 2)));
        Assert.Empty(await Query(store, acme, offset: 6, limit: 2));
        Assert.Empty(await Query(store, acme, offset: 0, limit: 0));
        Assert.Equal([2L], Sequences(await Query(store, acme with { Severity = AuditSeverity.Warning }, offset: 0, limit: 1)));
        Assert.Equal([1L], Sequences(await Query(store, acme with { EventType = AuditEventTypes.AuthLogin }, offset: 1, limit: 5)));
    }

    [ContractFact]
    public async Task Ignores_the_querys_own_limit_and_offset()
    {
        var store = await StoreWithVariety();

        var events = await Query(store, new AuditQuery("acme") { Limit = 1, Offset = 3 }, offset: 0, limit: 1000);

        Assert.Equal(6, events.Count);
    }

    [ContractFact]
    public async Task Concurrent_appends_through_two_trails_keep_one_valid_chain()
    {
        const int Tasks = 8, PerTask = 25;
        var store = NewStore();
        var ids = new SequentialIds();
        var clock = new FakeTimeProvider(TestClock.Now);

        // Two trails over one store stand for two processes: their own locks do not see each other, so the store
        // must refuse the sequence one of them takes first.
        AuditTrail[] trails = [new(store, clock, ids, new AuditOptions()), new(store, clock, ids, new AuditOptions())];
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerTask; i++)
            {
                await trails[t % 2].RecordAsync(AuditEvents.Draft(context: new { task = t, i }));
            }
        })));

        var chain = await store.ReadEventsAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(1, Tasks * PerTask).Select(i => (long)i), Sequences(chain));
        Assert.Equal(Tasks * PerTask, chain.Select(e => e.Id).Distinct().Count());
        var verification = await trails[0].VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(Tasks * PerTask, verification.EventsChecked);
    }
}

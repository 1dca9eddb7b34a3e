using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Chain;

public sealed class ChainVerificationTests
{
    private static async Task<(InMemoryAuditEventStore Store, List<AuditEvent> Events)> Recorded(int count, AuditOptions? options = null)
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        var events = await Trails.RecordMany(Trails.Create(store, clock, options), clock, count);
        return (store, events);
    }

    private static Task<AuditChainVerification> Verify(IAuditEventStore store, AuditOptions? options = null) =>
        Trails.Create(store, options: options).VerifyAsync();

    [Fact]
    public async Task An_empty_chain_is_valid()
    {
        var verification = await Verify(new InMemoryAuditEventStore());

        Assert.True(verification.IsValid);
        Assert.Equal(0, verification.EventsChecked);
    }

    [Fact]
    public async Task A_chain_of_many_events_is_valid_and_each_event_links_to_the_one_before()
    {
        var (store, events) = await Recorded(500);

        var verification = await Verify(store);

        Assert.Equal(new AuditChainVerification { EventsChecked = 500, Failure = AuditChainFailure.None }, verification);
        Assert.Equal(new string('0', 64), events[0].PreviousHash);
        Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(500, events.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public async Task The_same_events_hash_the_same_every_time()
    {
        var (_, first) = await Recorded(3);
        var (_, second) = await Recorded(3);

        Assert.Equal(first.Select(e => e.Hash), second.Select(e => e.Hash));
    }

    [Fact]
    public async Task An_hmac_key_changes_every_hash_and_verification_needs_the_same_key()
    {
        var keyed = new AuditOptions { HmacKey = Trails.Key };
        var (_, plain) = await Recorded(3);
        var (store, hmac) = await Recorded(3, keyed);

        Assert.All(plain.Zip(hmac), pair => Assert.NotEqual(pair.First.Hash, pair.Second.Hash));
        Assert.True((await Verify(store, keyed)).IsValid);

        var withoutKey = await Verify(store);
        var otherKey = await Verify(store, new AuditOptions { HmacKey = Convert.ToBase64String(new byte[32]) });
        Assert.Equal(AuditChainFailure.Changed, withoutKey.Failure);
        Assert.Equal(hmac[0].Id, withoutKey.FirstBadEventId);
        Assert.Equal(AuditChainFailure.Changed, otherKey.Failure);
    }

    [Fact]
    public async Task A_context_changed_behind_the_api_is_reported_as_changed_at_that_event()
    {
        var (store, events) = await Recorded(10);
        var victim = events[6];
        var tampered = new TamperedStore(store, chain => chain.Select(e => e.Id == victim.Id ? e.With(it => it.ContextJson, "{\"n\":600}") : e));

        var verification = await Verify(tampered);

        Assert.False(verification.IsValid);
        Assert.Equal(AuditChainFailure.Changed, verification.Failure);
        Assert.Equal(victim.Id, verification.FirstBadEventId);
        Assert.Equal(7, verification.FirstBadSequence);
        Assert.Equal(7, verification.EventsChecked);
        Assert.Contains(victim.Id, verification.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ChangedFields() => ["EventType", "Severity", "UserId", "Timestamp", "Request", "Diff", "AfterJson"];

    [Theory]
    [MemberData(nameof(ChangedFields))]
    public async Task A_change_to_any_field_is_detected(string field)
    {
        var store = new InMemoryAuditEventStore();
        var trail = Trails.Create(store);
        await trail.RecordAsync(Trails.Draft() with { Request = new RequestMetadata { IpAddress = "203.0.113.7" }, Before = new { a = 1 }, After = new { a = 2 } });
        Func<AuditEvent, AuditEvent> change = field switch
        {
            "EventType" => e => e.With(it => it.EventType, "user.deleted"),
            "Severity" => e => e.With(it => it.Severity, AuditSeverity.Critical),
            "UserId" => e => e.With(it => it.UserId, null),
            "Timestamp" => e => e.With(it => it.Timestamp, e.Timestamp.AddTicks(1)),
            "Request" => e => e.With(it => it.Request, e.Request! with { IpAddress = "203.0.113.8" }),
            "Diff" => e => e.With(it => it.Diff, []),
            "AfterJson" => e => e.With(it => it.AfterJson, "{\"a\":3}"),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var verification = await Verify(new TamperedStore(store, chain => chain.Select(change)));

        Assert.Equal(AuditChainFailure.Changed, verification.Failure);
    }

    [Fact]
    public async Task A_removed_event_is_reported_as_missing_at_the_event_after_it()
    {
        var (store, events) = await Recorded(10);

        var verification = await Verify(new TamperedStore(store, chain => chain.Where(e => e.Sequence != 5)));

        Assert.Equal(AuditChainFailure.Missing, verification.Failure);
        Assert.Equal(events[5].Id, verification.FirstBadEventId);
        Assert.Equal(6, verification.FirstBadSequence);
    }

    [Fact]
    public async Task A_removed_event_whose_followers_were_renumbered_is_still_missing()
    {
        var (store, events) = await Recorded(5);

        // Sequences are contiguous again, but event 3 links to the hash of the removed event 2.
        var verification = await Verify(new TamperedStore(store, chain =>
            chain.Where(e => e.Sequence != 2).Select(e => e.Sequence > 2 ? e.With(it => it.Sequence, e.Sequence - 1) : e)));

        Assert.Equal(AuditChainFailure.Missing, verification.Failure);
        Assert.Equal(events[2].Id, verification.FirstBadEventId);
    }

    [Fact]
    public async Task Swapped_events_are_reported_as_out_of_order()
    {
        var (store, events) = await Recorded(6);

        var verification = await Verify(new TamperedStore(store, chain =>
        {
            (chain[2], chain[3]) = (chain[3], chain[2]);
            return chain;
        }));

        Assert.Equal(AuditChainFailure.OutOfOrder, verification.Failure);
        Assert.Equal(events[2].Id, verification.FirstBadEventId);
        Assert.Equal(3, verification.FirstBadSequence);
    }

    [Fact]
    public async Task A_repeated_event_is_reported_as_out_of_order()
    {
        var (store, events) = await Recorded(4);

        var verification = await Verify(new TamperedStore(store, chain => chain.Take(3).Append(chain[2]).Concat(chain.Skip(3))));

        Assert.Equal(AuditChainFailure.OutOfOrder, verification.Failure);
        Assert.Equal(events[2].Id, verification.FirstBadEventId);
        Assert.Equal(4, verification.EventsChecked);
    }

    [Fact]
    public async Task Only_the_first_problem_is_reported()
    {
        var (store, events) = await Recorded(8);

        var verification = await Verify(new TamperedStore(store, chain => chain
            .Select(e => e.Sequence == 3 ? e.With(it => it.UserId, "mallory") : e)
            .Where(e => e.Sequence != 6)));

        Assert.Equal(AuditChainFailure.Changed, verification.Failure);
        Assert.Equal(events[2].Id, verification.FirstBadEventId);
    }
}

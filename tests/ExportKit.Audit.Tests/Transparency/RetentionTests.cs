using ExportKit.Audit.Tests.Chain;
using ExportKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Audit.Tests.Transparency;

/// <summary>Retention beyond the store contract: configuration, a store that cannot prune, and a retention anchor that cannot vouch for the pruned events.</summary>
public sealed class RetentionTests
{
    private static readonly string Key = AuditTransparencyOptions.GenerateSigningKey("example.com/audit");

    private static async Task<(AuditTransparencyLog Log, InMemoryAuditEventStore Store, FakeTimeProvider Clock, List<AuditEvent> Events, AuditTrail Trail)> LogWith(int events, TimeSpan? retention = null)
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        var trail = Trails.Create(store, clock, new AuditOptions { UserIdIsPersonal = true });
        var recorded = await Trails.RecordMany(trail, clock, events);
        return (new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = Key, RetentionPeriod = retention }), store, clock, recorded, trail);
    }

    [Fact]
    public async Task The_retention_period_prunes_the_events_older_than_it()
    {
        var (log, store, _, _, _) = await LogWith(10, TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(30));

        Assert.Equal(5, await log.PruneExpiredAsync(await log.CreateCheckpointAsync())); // a minute apart, the last one now: events 1-5 are more than 4.5 minutes old

        Assert.Equal(5, (await store.GetRetentionAnchorAsync())!.Cut);
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_retention_period_that_would_cut_past_the_last_checkpoint_is_refused_and_nothing_changes()
    {
        var (log, store, clock, _, trail) = await LogWith(3, TimeSpan.FromMinutes(1));
        var checkpoint = await log.CreateCheckpointAsync();
        await Trails.RecordMany(trail, clock, 4);
        clock.Advance(TimeSpan.FromHours(1));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => log.PruneExpiredAsync(checkpoint));

        Assert.Contains("past the checkpoint's tree of 3 events", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetRetentionAnchorAsync());
        Assert.Equal(7, (await store.GetLastAsync())!.Sequence);
    }

    [Fact]
    public async Task Without_a_retention_period_only_an_explicit_date_prunes()
    {
        var (log, _, _, _, _) = await LogWith(3);

        var checkpoint = await log.CreateCheckpointAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => log.PruneExpiredAsync(checkpoint));

        Assert.Contains("RetentionPeriod", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_retention_period_that_is_not_positive_is_an_invalid_option(int days)
    {
        var options = new AuditTransparencyOptions { SigningKey = Key, RetentionPeriod = TimeSpan.FromDays(days) };

        Assert.Contains(options.Validate(), p => p.StartsWith("RetentionPeriod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_cannot_prune_says_so()
    {
        var store = new NoRetentionStore(new InMemoryAuditEventStore());
        var clock = TestClock.Create();
        var trail = Trails.Create(store, clock);
        await Trails.RecordMany(trail, clock, 3);
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = Key });

        var refused = await Assert.ThrowsAsync<NotSupportedException>(async () => await log.PruneAsync(clock.GetUtcNow(), await log.CreateCheckpointAsync()));

        Assert.Contains("IAuditRetentionStore", refused.Message, StringComparison.Ordinal);
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_log_that_does_not_verify_is_not_pruned()
    {
        var (_, store, clock, events, _) = await LogWith(5);
        var checkpoint = await new AuditTransparencyLog(Trails.Create(store, clock), new AuditTransparencyOptions { SigningKey = Key }).CreateCheckpointAsync();
        var tampered = new TamperedStore(store, chain => chain.Select(e => e.Sequence == 4 ? e.With(x => x.ResourceId, "changed") : e));
        var tamperedLog = new AuditTransparencyLog(Trails.Create(tampered, clock), new AuditTransparencyOptions { SigningKey = Key });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => tamperedLog.PruneAsync(events[3].Timestamp, checkpoint));

        Assert.Contains("Nothing was pruned", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetRetentionAnchorAsync());
    }

    [Fact]
    public async Task A_retention_anchor_signed_by_another_key_fails_verification()
    {
        var (log, store, _, events, _) = await LogWith(6);
        var foreign = new AuditTransparencyLog(Trails.Create(new InMemoryAuditEventStore()), new AuditTransparencyOptions { SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit") });

        // Written behind the transparency log's back: the store takes any checkpoint text, verification does not.
        await store.PruneAsync(Anchor(events, 2, await foreign.CreateCheckpointAsync()));

        var verification = await log.VerifyAsync();
        Assert.False(verification.IsValid);
        Assert.Equal(AuditChainFailure.TreeMismatch, verification.Failure);
        Assert.Contains("cannot vouch", verification.Message, StringComparison.Ordinal);
        Assert.Equal(2, verification.PrunedEvents);
    }

    [Fact]
    public async Task A_retention_anchor_older_than_the_cut_fails_verification()
    {
        var (log, store, clock, events, trail) = await LogWith(2);
        var two = await log.CreateCheckpointAsync();
        events.AddRange(await Trails.RecordMany(trail, clock, 3));

        await store.PruneAsync(Anchor(events, 4, two));

        var verification = await log.VerifyAsync();
        Assert.False(verification.IsValid);
        Assert.Contains("fewer than the 4 pruned", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_removed_behind_the_api_with_a_genuine_checkpoint_as_anchor_fail_verification()
    {
        // The attacker can write to the database but not sign: they delete the oldest events and store an anchor that
        // reuses a real, correctly signed checkpoint. Only the chain's own record of the prune tells the two apart.
        var (log, store, _, events, _) = await LogWith(6);
        var genuine = await log.CreateCheckpointAsync();

        await store.PruneAsync(Anchor(events, 3, genuine));

        var verification = await log.VerifyAsync(genuine);
        Assert.False(verification.IsValid);
        Assert.Equal(AuditChainFailure.Missing, verification.Failure);
        Assert.Contains("no audit.retention.pruned event in the remaining chain records that prune", verification.Message, StringComparison.Ordinal);
        Assert.Contains("removed outside ExportKit", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prune_event_for_another_cut_does_not_vouch_for_a_later_removal()
    {
        var (log, store, _, events, _) = await LogWith(6);
        var checkpoint = await log.CreateCheckpointAsync();
        await log.PruneAsync(events[1].Timestamp, checkpoint); // events 1 recorded and pruned properly: cut 1

        await store.PruneAsync(Anchor(events, 4, checkpoint));

        var verification = await log.VerifyAsync(checkpoint);
        Assert.False(verification.IsValid);
        Assert.Contains("(cut 4,", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prune_that_fails_after_its_event_is_recorded_leaves_a_log_that_verifies()
    {
        var (_, store, clock, events, _) = await LogWith(5);
        var failing = new FailingPruneStore(store);
        var log = new AuditTransparencyLog(Trails.Create(failing, clock, ids: new PrefixedIds("retry")), new AuditTransparencyOptions { SigningKey = Key });
        var checkpoint = await log.CreateCheckpointAsync();

        await Assert.ThrowsAsync<IOException>(() => log.PruneAsync(events[3].Timestamp, checkpoint));

        Assert.Null(await store.GetRetentionAnchorAsync());
        Assert.Contains(await store.ReadChainAsync().Select(row => row.Event!.EventType).ToListAsync(), type => type == "audit.retention.pruned");
        var verification = await log.VerifyAsync(checkpoint);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(0, verification.PrunedEvents);
    }

    [Fact]
    public async Task Erasure_still_works_on_what_remains_after_pruning()
    {
        var (log, _, _, events, _) = await LogWith(5);
        var checkpoint = await log.CreateCheckpointAsync();
        await log.PruneAsync(events[2].Timestamp, checkpoint);

        Assert.Equal(3, await log.ErasePersonalDataAsync("user-1"));

        var verification = await log.VerifyAsync(checkpoint);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(2, verification.PrunedEvents);
    }

    private static AuditRetentionAnchor Anchor(List<AuditEvent> events, int cut, string checkpoint) => new()
    {
        Cut = cut,
        PreviousHash = events[cut - 1].Hash,
        PrunedBefore = events[cut].Timestamp,
        PrunedAt = events[cut].Timestamp,
        Checkpoint = checkpoint,
    };

    /// <summary>A store that keeps the tree but cannot prune, as the PostgreSQL store may not yet.</summary>
    private sealed class NoRetentionStore(InMemoryAuditEventStore inner) : StoreForwarding(inner);

    /// <summary>Ids that do not collide with the first trail's <see cref="SequentialIds"/>.</summary>
    private sealed class PrefixedIds(string tag) : IExportIdGenerator
    {
        private readonly SequentialIds inner = new();

        public string NewId(string prefix) => inner.NewId(prefix + tag);
    }

    /// <summary>A store whose prune fails (a full disk, a lost connection) after the trail has recorded the prune.</summary>
    private sealed class FailingPruneStore(InMemoryAuditEventStore inner) : StoreForwarding(inner), IAuditRetentionStore
    {
        public ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken = default) => ((IAuditRetentionStore)Inner).GetRetentionAnchorAsync(cancellationToken);

        public ValueTask<long> PruneAsync(AuditRetentionAnchor anchor, CancellationToken cancellationToken = default) =>
            throw new IOException("No space left on device.");
    }
}

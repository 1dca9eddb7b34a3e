using ExportKit.Audit;
using ExportKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// What every <see cref="IAuditRetentionStore"/> must do with the transparency log: prune the oldest events' content and
/// keep every tree hash, so that what remains verifies against the kept checkpoint, remaining events and old
/// checkpoints still have proofs, and a pruned event's proof is refused clearly; refuse a cut that does not move
/// forward, that passes the checkpoint or that would remove the newest event, changing nothing.
/// </summary>
public abstract class AuditRetentionContract : StoreContract<IAuditEventStore>
{
    private static readonly string SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit");

    private readonly SequentialIds ids = new();
    private readonly FakeTimeProvider clock = TestClock.Create();
    private readonly List<DateTimeOffset> recorded = [];

    private (AuditTrail Trail, AuditTransparencyLog Log, IAuditRetentionStore Retention) Open(IAuditEventStore store, string? key = null)
    {
        var trail = new AuditTrail(store, clock, ids, new AuditOptions { PersonalFields = { "email" } });
        return (trail, new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = key ?? SigningKey }), Assert.IsAssignableFrom<IAuditRetentionStore>(store));
    }

    private async Task RecordAsync(AuditTrail trail, int count, string tenant = "acme")
    {
        for (var i = 0; i < count; i++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            var recordedEvent = await trail.RecordAsync(AuditEvents.Draft(tenant: tenant, context: new { n = i, email = "p@example.org" }));
            recorded.Add(recordedEvent!.Timestamp);
        }
    }

    private static async Task<List<long>> SequencesAsync(IAuditEventStore store) =>
        [.. (await store.ReadChainAsync().ToListAsync()).Select(r => r.Sequence)];

    [ContractFact]
    public async Task Pruning_removes_the_events_before_the_date_and_what_remains_verifies_against_the_kept_checkpoint()
    {
        var store = NewStore();
        var (trail, log, retention) = Open(store);
        await RecordAsync(trail, 3, "acme");
        var early = await log.CreateCheckpointAsync();
        await RecordAsync(trail, 7, "globex");
        var checkpoint = await log.CreateCheckpointAsync();

        var pruned = await log.PruneAsync(recorded[5], checkpoint); // events 1-5 were recorded before the sixth

        Assert.Equal(5, pruned);
        Assert.Equal([6L, 7, 8, 9, 10, 11, 12], await SequencesAsync(store)); // 11 and 12: the pruning, recorded in each tenant
        var anchor = await retention.GetRetentionAnchorAsync();
        Assert.NotNull(anchor);
        Assert.Equal(5, anchor.Cut);
        Assert.Equal(checkpoint, anchor.Checkpoint);
        Assert.Equal(recorded[5], anchor.PrunedBefore);
        Assert.Equal(12, await ((IAuditTreeStore)store).GetTreeSizeAsync());
        Assert.Equal(6, (await ((IAuditTreeStore)store).ReadLeavesAsync(1).ToListAsync())[0].Sequence);

        var verification = await log.VerifyAsync(checkpoint);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(5, verification.PrunedEvents);
        Assert.Equal(7, verification.EventsChecked);
        Assert.True((await log.VerifyAsync(early)).IsValid);
        Assert.True((await trail.VerifyAsync()).IsValid);

        var prunedEvents = await store.QueryAsync(new AuditQuery("acme") { EventType = "audit.retention.pruned" }, 0, 10).ToListAsync();
        var recordedPruning = Assert.Single(prunedEvents);
        Assert.Contains("\"prunedEvents\":3", recordedPruning.ContextJson, StringComparison.Ordinal);
        Assert.Contains("\"cut\":5", recordedPruning.ContextJson, StringComparison.Ordinal);
        Assert.Contains("\"anchorTreeSize\":10", recordedPruning.ContextJson, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task After_pruning_remaining_events_and_old_checkpoints_still_have_proofs_and_a_pruned_event_is_refused_clearly()
    {
        var store = NewStore();
        var (trail, log, _) = Open(store);
        await RecordAsync(trail, 3);
        var early = await log.CreateCheckpointAsync();
        await RecordAsync(trail, 6);
        var checkpoint = await log.CreateCheckpointAsync();
        await log.PruneAsync(recorded[4], checkpoint);
        await RecordAsync(trail, 2);
        var later = await log.CreateCheckpointAsync();

        foreach (var sequence in new long[] { 5, 7, 9 })
        {
            Assert.True(log.CheckInclusionProof(checkpoint, await log.ProveInclusionAsync(sequence, checkpoint)));
            Assert.True(log.CheckInclusionProof(later, await log.ProveInclusionAsync(sequence, later)));
        }

        Assert.True(log.CheckConsistencyProof(early, checkpoint, await log.ProveConsistencyAsync(early, checkpoint)));
        Assert.True(log.CheckConsistencyProof(early, later, await log.ProveConsistencyAsync(early, later)));
        Assert.True(log.CheckConsistencyProof(checkpoint, later, await log.ProveConsistencyAsync(checkpoint, later)));
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.ProveInclusionAsync(2, later));
        Assert.Contains("pruned by retention on", refused.Message, StringComparison.Ordinal);
        Assert.True((await log.VerifyAsync(later)).IsValid);
    }

    [ContractFact]
    public async Task A_cut_past_the_checkpoint_is_refused_and_nothing_changes()
    {
        var store = NewStore();
        var (trail, log, retention) = Open(store);
        await RecordAsync(trail, 3);
        var checkpoint = await log.CreateCheckpointAsync();
        await RecordAsync(trail, 4);
        var before = await store.ReadChainAsync().ToListAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => log.PruneAsync(recorded[5], checkpoint));

        Assert.Contains("past the checkpoint's tree of 3 events", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was pruned", refused.Message, StringComparison.Ordinal);
        Assert.Null(await retention.GetRetentionAnchorAsync());
        Assert.Equal(before.Select(r => r.Event!.Hash), (await store.ReadChainAsync().ToListAsync()).Select(r => r.Event!.Hash));
    }

    [ContractFact]
    public async Task Pruning_twice_and_pruning_nothing_change_nothing_and_record_nothing()
    {
        var store = NewStore();
        var (trail, log, retention) = Open(store);
        await RecordAsync(trail, 6);
        var checkpoint = await log.CreateCheckpointAsync();

        Assert.Equal(0, await log.PruneAsync(recorded[0], checkpoint)); // nothing is older than the first event
        Assert.Null(await retention.GetRetentionAnchorAsync());
        Assert.Equal(3, await log.PruneAsync(recorded[3], checkpoint));
        var events = await SequencesAsync(store);
        Assert.Equal(0, await log.PruneAsync(recorded[3], checkpoint));
        Assert.Equal(0, await log.PruneAsync(recorded[1], checkpoint));

        Assert.Equal(events, await SequencesAsync(store));
        Assert.Equal(3, (await retention.GetRetentionAnchorAsync())!.Cut);
        Assert.True((await log.VerifyAsync(checkpoint)).IsValid);
    }

    [ContractFact]
    public async Task The_newest_event_is_never_pruned_so_the_chain_goes_on()
    {
        var store = NewStore();
        var (trail, log, _) = Open(store);
        await RecordAsync(trail, 4);
        var checkpoint = await log.CreateCheckpointAsync();

        Assert.Equal(3, await log.PruneAsync(clock.GetUtcNow(), checkpoint));
        await RecordAsync(trail, 2);

        Assert.Equal([4L, 5, 6, 7], await SequencesAsync(store));
        var verification = await log.VerifyAsync(await log.CreateCheckpointAsync());
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(3, verification.PrunedEvents);
    }

    [ContractFact]
    public async Task A_date_in_the_future_or_another_logs_checkpoint_is_refused_and_nothing_changes()
    {
        var store = NewStore();
        var (trail, log, retention) = Open(store);
        await RecordAsync(trail, 4);
        var checkpoint = await log.CreateCheckpointAsync();
        var (_, otherLog, _) = Open(NewStore(), AuditTransparencyOptions.GenerateSigningKey("example.com/audit"));
        var foreign = await otherLog.CreateCheckpointAsync();

        var future = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.PruneAsync(clock.GetUtcNow().AddSeconds(1), checkpoint));
        Assert.Contains("is in the future", future.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => log.PruneAsync(recorded[2], foreign));
        await Assert.ThrowsAsync<ArgumentException>(() => log.PruneAsync(recorded[2], "not a checkpoint"));

        Assert.Null(await retention.GetRetentionAnchorAsync());
        Assert.Equal([1L, 2, 3, 4], await SequencesAsync(store));
    }

    [ContractFact]
    public async Task The_store_refuses_a_cut_that_does_not_move_forward_takes_the_newest_event_or_does_not_link()
    {
        var store = NewStore();
        var (trail, log, retention) = Open(store);
        await RecordAsync(trail, 5);
        var checkpoint = await log.CreateCheckpointAsync();
        var chain = await store.ReadChainAsync().ToListAsync();
        AuditRetentionAnchor Anchor(long cut, string? hash = null) => new()
        {
            Cut = cut,
            PreviousHash = hash ?? chain[(int)cut - 1].Event!.Hash,
            PrunedBefore = clock.GetUtcNow(),
            PrunedAt = clock.GetUtcNow(),
            Checkpoint = checkpoint,
        };

        await Assert.ThrowsAsync<ArgumentException>(async () => await retention.PruneAsync(Anchor(5)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await retention.PruneAsync(Anchor(2, chain[0].Event!.Hash)));
        Assert.Equal(5, (await SequencesAsync(store)).Count);
        Assert.Equal(2, await retention.PruneAsync(Anchor(2)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await retention.PruneAsync(Anchor(2)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await retention.PruneAsync(Anchor(1)));

        Assert.Equal([3L, 4, 5], await SequencesAsync(store));
        Assert.Equal(2, (await retention.GetRetentionAnchorAsync())!.Cut);
    }

    [ContractFact]
    public async Task Erasure_after_pruning_erases_what_remains_and_everything_still_verifies()
    {
        var store = NewStore();
        var (trail, log, _) = Open(store);
        await RecordAsync(trail, 5);
        var checkpoint = await log.CreateCheckpointAsync();
        await log.PruneAsync(recorded[2], checkpoint);

        Assert.Equal(3, await log.ErasePersonalDataAsync("user-1")); // events 3-5: the context's email

        var verification = await log.VerifyAsync(checkpoint);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(2, verification.PrunedEvents);
        Assert.Equal(3, verification.RedactedEvents);
        Assert.True(log.CheckInclusionProof(checkpoint, await log.ProveInclusionAsync(4, checkpoint)));
    }
}

using ExportKit.Storage.Contracts;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Trail;

/// <summary>
/// Group commit: recorders that arrive while a batch commits are sealed together, in order, and appended in one batch;
/// nobody is answered before their batch is stored, a failed batch fails all its recorders and records nothing, and a
/// recorder cancelled while still queued is the only one removed.
/// </summary>
public sealed class AuditTrailGroupCommitTests
{
    [Fact]
    public async Task Many_concurrent_records_make_one_gap_free_valid_chain_and_each_caller_gets_its_own_event()
    {
        const int Count = 200;
        var store = new HeldBatchStore(held: false);
        var trail = Trails.Create(store, ids: new SequentialIds());

        var recorded = await Task.WhenAll(Enumerable.Range(0, Count).Select(n => Task.Run(() => trail.RecordAsync(Trails.Draft(context: new { n })))));

        var chain = await store.ReadEventsAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Equal(Count, recorded.Select(e => e!.Id).Distinct().Count());
        foreach (var auditEvent in recorded)
        {
            var stored = chain[(int)auditEvent!.Sequence - 1];
            Assert.Equal(stored.Id, auditEvent.Id);
            Assert.Equal(stored.Hash, auditEvent.Hash);
            Assert.Equal(stored.ContextJson, auditEvent.ContextJson);
        }

        Assert.True((await trail.VerifyAsync()).IsValid);
        Assert.Equal(Count, store.Batches.Sum());
    }

    [Fact]
    public async Task Records_arriving_during_a_commit_share_the_next_one_in_the_order_they_came()
    {
        var store = new HeldBatchStore(held: true);
        var trail = Trails.Create(store);

        var first = trail.RecordAsync(Trails.Draft(context: "first"));
        var queued = Enumerable.Range(0, 5).Select(n => trail.RecordAsync(Trails.Draft(context: new { n }))).ToList();
        Assert.False(first.IsCompleted);
        Assert.All(queued, task => Assert.False(task.IsCompleted));
        store.Release();

        Assert.Equal(1, (await first)!.Sequence);
        Assert.Equal([2L, 3L, 4L, 5L, 6L], (await Task.WhenAll(queued)).Select(e => e!.Sequence));
        Assert.Equal([1, 5], store.Batches);
        Assert.True((await trail.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_failed_commit_fails_every_recorder_of_its_batch_and_records_none_of_them()
    {
        var store = new HeldBatchStore(held: true) { FailBatch = 2 };
        var trail = Trails.Create(store);
        var first = trail.RecordAsync(Trails.Draft(context: "first"));
        var doomed = Enumerable.Range(0, 3).Select(n => trail.RecordAsync(Trails.Draft(context: new { n }))).ToList();

        // The first batch commits; the three queued behind it form the second, which fails.
        store.Release();

        Assert.Equal(1, (await first)!.Sequence);
        foreach (var task in doomed)
        {
            Assert.Same(store.Failure, await Assert.ThrowsAnyAsync<Exception>(() => task));
        }

        Assert.Equal([1, 3], store.Batches);
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);
        var after = await trail.RecordAsync(Trails.Draft(context: "after"));
        Assert.Equal(2, after!.Sequence);
        Assert.Equal((await first)!.Hash, after.PreviousHash);
        Assert.True((await trail.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_recorder_cancelled_while_queued_is_removed_and_the_others_are_recorded()
    {
        var store = new HeldBatchStore(held: true);
        var trail = Trails.Create(store);
        using var cancellation = new CancellationTokenSource();
        var first = trail.RecordAsync(Trails.Draft(context: "first"));
        var cancelled = trail.RecordAsync(Trails.Draft(context: "cancelled"), cancellation.Token);
        var kept = trail.RecordAsync(Trails.Draft(context: "kept"));

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        store.Release();

        Assert.Equal(1, (await first)!.Sequence);
        Assert.Equal(2, (await kept)!.Sequence);
        Assert.Equal(["\"first\"", "\"kept\""], await store.ReadEventsAsync().Select(e => e.ContextJson!).ToListAsync());
        Assert.True((await trail.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_recorder_cancelled_after_its_batch_was_taken_is_still_recorded()
    {
        var store = new HeldBatchStore(held: true);
        var trail = Trails.Create(store);
        using var cancellation = new CancellationTokenSource();
        var committing = trail.RecordAsync(Trails.Draft(), cancellation.Token);

        await cancellation.CancelAsync();
        store.Release();

        Assert.Equal(1, (await committing)!.Sequence);
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);
    }

    [Fact]
    public async Task The_default_batch_append_goes_one_by_one_and_stops_at_a_taken_sequence()
    {
        IAuditEventStore store = new InMemoryAuditEventStore();
        var trail = Trails.Create(store);
        var events = await Trails.RecordMany(trail, TestClock.Create(), 3);
        var other = new InMemoryAuditEventStore();

        Assert.Equal(3, await ((IAuditEventStore)other).TryAppendBatchAsync(events));
        Assert.Equal(0, await ((IAuditEventStore)other).TryAppendBatchAsync(events));
        Assert.Equal(3, (await other.GetLastAsync())!.Sequence);
    }

    [Fact]
    public async Task A_store_that_reports_more_events_than_it_was_given_is_an_error_naming_it()
    {
        var store = new HeldBatchStore(held: false) { Overcounts = true };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Trails.Create(store).RecordAsync(Trails.Draft()));

        Assert.Contains(nameof(HeldBatchStore), error.Message, StringComparison.Ordinal);
        Assert.Contains("TryAppendBatchAsync", error.Message, StringComparison.Ordinal);
    }
}

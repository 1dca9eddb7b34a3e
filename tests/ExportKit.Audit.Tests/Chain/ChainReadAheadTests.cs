using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Chain;

/// <summary>
/// Verification reads the chain's rows and the tree's leaves on other threads, a bounded number ahead of the checks
/// (128 at a time, at most 4 batches waiting). What it reports must not change: every row in order across the hand-overs,
/// the first problem and not a later failure, a failure of the store where it happened, cancellation, and every reader
/// closed before the result is returned.
/// </summary>
public sealed class ChainReadAheadTests
{
    // Rows handed over in batches of 128, at most 4 waiting, one being filled and one being checked.
    private const int MostRowsAhead = 128 * 6;

    private static async Task<(InMemoryAuditEventStore Store, List<AuditEvent> Events)> Recorded(int count)
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        var events = await Trails.RecordMany(Trails.Create(store, clock), clock, count);
        return (store, events);
    }

    private static Task<AuditChainVerification> Verify(IAuditEventStore store, CancellationToken cancellationToken = default) =>
        Trails.Create(store).VerifyAsync(cancellationToken);

    [Fact]
    public async Task A_chain_longer_than_many_hand_overs_verifies_with_every_row_and_leaf_read_once()
    {
        var (store, _) = await Recorded(1_000);
        var watched = new WatchedChainStore(store);

        var verification = await Verify(watched);

        Assert.Equal(new AuditChainVerification { EventsChecked = 1_000, Failure = AuditChainFailure.None }, verification);
        Assert.Equal(1_000, watched.RowsRead);
        Assert.Equal(1_000, watched.LeavesRead);
        Assert.Equal(0, watched.ReadersOpen);
    }

    [Theory]
    [InlineData(128)] // the last row of the first hand-over
    [InlineData(129)] // the first row of the second
    [InlineData(1_000)] // the last row, handed over in a short batch
    public async Task A_changed_row_at_a_hand_over_is_the_one_reported(int sequence)
    {
        var (store, events) = await Recorded(1_000);
        var watched = new WatchedChainStore(store) { ChangedSequence = sequence };

        var verification = await Verify(watched);

        Assert.Equal(AuditChainFailure.Changed, verification.Failure);
        Assert.Equal(sequence, verification.FirstBadSequence);
        Assert.Equal(events[sequence - 1].Id, verification.FirstBadEventId);
        Assert.Equal(sequence, verification.EventsChecked);
    }

    [Fact]
    public async Task A_verification_that_stops_early_reads_a_bounded_number_ahead_and_closes_both_readers_before_it_returns()
    {
        var (store, _) = await Recorded(3_000);
        var watched = new WatchedChainStore(store) { ChangedSequence = 3 };

        var verification = await Verify(watched);

        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Equal(0, watched.ReadersOpen);
        Assert.InRange(watched.RowsRead, 3, 3 + MostRowsAhead);
        Assert.InRange(watched.LeavesRead, 3, 3 + MostRowsAhead);
    }

    [Fact]
    public async Task A_store_that_fails_mid_chain_fails_verification_with_its_own_exception_and_closes_both_readers()
    {
        var (store, _) = await Recorded(700);
        var watched = new WatchedChainStore(store) { FailAfterRows = 300 };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify(watched));

        Assert.Equal("The chain's reader failed after 300 rows.", error.Message);
        Assert.Equal(0, watched.ReadersOpen);
    }

    [Fact]
    public async Task A_changed_row_read_before_the_store_failed_is_still_reported_as_changed()
    {
        // Row 290 is in the batch being filled when the reader fails at 300: it must reach the checks before the failure.
        var (store, events) = await Recorded(700);
        var watched = new WatchedChainStore(store) { ChangedSequence = 290, FailAfterRows = 300 };

        var verification = await Verify(watched);

        Assert.Equal(AuditChainFailure.Changed, verification.Failure);
        Assert.Equal(events[289].Id, verification.FirstBadEventId);
        Assert.Equal(0, watched.ReadersOpen);
    }

    [Fact]
    public async Task A_tree_store_that_fails_mid_leaves_fails_verification_with_its_own_exception()
    {
        var (store, _) = await Recorded(700);
        var watched = new WatchedChainStore(store) { FailAfterLeaves = 450 };

        var error = await Assert.ThrowsAsync<IOException>(() => Verify(watched));

        Assert.Equal("The leaves' reader failed after 450 leaves.", error.Message);
        Assert.Equal(0, watched.ReadersOpen);
    }

    [Fact]
    public async Task Cancelling_while_rows_are_read_ahead_cancels_verification_and_closes_both_readers()
    {
        var (store, _) = await Recorded(2_000);
        using var cancel = new CancellationTokenSource();
        var watched = new WatchedChainStore(store) { CancelAtRow = cancel, CancelAtSequence = 700 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Verify(watched, cancel.Token));

        Assert.Equal(0, watched.ReadersOpen);
        Assert.InRange(watched.RowsRead, 1, 699);
    }
}

using System.Runtime.CompilerServices;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Chain;

/// <summary>
/// Verification tolerates leaves past the chain it read only when the store holds their events by the end of the pass
/// (writers appended while it ran). A leaf or a tree size past every stored event is still a tree mismatch, and a tree
/// smaller than the leaves read is one too.
/// </summary>
public sealed class TreePastTheChainTests
{
    [Fact]
    public async Task A_leaf_past_every_stored_event_is_a_tree_mismatch()
    {
        var store = await Recorded(20);
        var forged = new ForgedTree(store) { ExtraLeaf = true };

        var verification = await Trails.Create(forged).VerifyAsync();

        Assert.Equal(AuditChainFailure.TreeMismatch, verification.Failure);
        Assert.Equal("the tree has a leaf for sequence 21, but no such event is stored.", verification.Message);
    }

    [Theory]
    [InlineData(25)] // more leaves than events
    [InlineData(19)] // fewer leaves than were read
    public async Task A_tree_size_that_the_stored_events_do_not_explain_is_a_tree_mismatch(long reportedSize)
    {
        var store = await Recorded(20);
        var forged = new ForgedTree(store) { ReportedSize = reportedSize };

        var verification = await Trails.Create(forged).VerifyAsync();

        Assert.Equal(AuditChainFailure.TreeMismatch, verification.Failure);
        Assert.Equal($"the store reports a tree of {reportedSize} leaves, but 20 were read.", verification.Message);
    }

    [Fact]
    public async Task Leaves_of_events_appended_after_the_chain_was_read_are_left_for_the_next_verification()
    {
        // The chain's reader saw 20 events; the leaves' reader and the tree's size already show a 21st, stored meanwhile.
        var store = await Recorded(21);
        var late = new ForgedTree(store) { ChainStopsAt = 20 };

        var verification = await Trails.Create(late).VerifyAsync();

        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(20, verification.EventsChecked);
    }

    private static async Task<InMemoryAuditEventStore> Recorded(int count)
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        await Trails.RecordMany(Trails.Create(store, clock), clock, count);
        return store;
    }

    private sealed class ForgedTree(IAuditEventStore inner) : StoreForwarding(inner)
    {
        public bool ExtraLeaf { get; init; }

        public long? ReportedSize { get; init; }

        public long ChainStopsAt { get; init; } = long.MaxValue;

        public override async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var row in Inner.ReadChainAsync(cancellationToken))
            {
                if (row.Sequence > ChainStopsAt)
                {
                    yield break;
                }

                yield return row;
            }
        }

        public override async IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            long last = 0;
            await foreach (var leaf in base.ReadLeavesAsync(fromSequence, cancellationToken))
            {
                last = leaf.Sequence;
                yield return leaf;
            }

            if (ExtraLeaf)
            {
                yield return new AuditLeaf { Sequence = last + 1, Data = new byte[] { 1, 2, 3 } };
            }
        }

        public override ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default) =>
            ReportedSize is { } size ? ValueTask.FromResult(size) : base.GetTreeSizeAsync(cancellationToken);
    }
}

using System.Security.Cryptography;
using ExportKit.Audit;
using ExportKit.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// What every <see cref="IAuditTreeStore"/> must do: keep each event's leaf, tree hashes and commitments with the event,
/// in the stored-hash layout of golang.org/x/mod/sumdb/tlog; refuse a taken sequence without changing anything; refuse
/// a leaf that is not the event's; read hashes by index and leaves in order; and give leaves to events stored before.
/// </summary>
public abstract class AuditTreeStoreContract : StoreContract<IAuditEventStore>
{
    private readonly SequentialIds ids = new();

    private AuditTrail Trail(IAuditEventStore store, AuditOptions? options = null) =>
        new(store, TestClock.Create(), ids, options ?? new AuditOptions { PersonalFields = { "email" } });

    private static IAuditTreeStore Tree(IAuditEventStore store) => Assert.IsAssignableFrom<IAuditTreeStore>(store);

    private static long Index(long n)
    {
        long i = 0;
        for (; n > 0; n >>= 1)
        {
            i += n;
        }

        return i;
    }

    private static byte[] LeafHash(ReadOnlyMemory<byte> data) => SHA256.HashData([0x00, .. data.Span]);

    [Fact]
    public async Task Every_recorded_event_has_its_leaf_and_its_leaf_hash_is_stored_at_its_index()
    {
        var store = NewStore();
        var trail = Trail(store);
        for (var i = 0; i < 7; i++)
        {
            await trail.RecordAsync(AuditEvents.Draft(context: new { n = i, email = "p@example.org" }));
        }

        var tree = Tree(store);
        Assert.Equal(7, await tree.GetTreeSizeAsync());
        var leaves = await tree.ReadLeavesAsync(1).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], leaves.Select(l => l.Sequence));
        var leafHashes = await tree.ReadHashesAsync([.. Enumerable.Range(0, 7).Select(n => Index(n))]);
        Assert.Equal(leaves.Select(l => LeafHash(l.Data)), leafHashes);
        var pair = await tree.ReadHashesAsync([2]); // level 1, leaves 0 and 1
        Assert.Equal(SHA256.HashData([0x01, .. leafHashes[0], .. leafHashes[1]]), pair[0]);
        Assert.All(leaves, l => Assert.Contains(l.Commitments, c => c.Field == "context/email" && c.Salt is { Length: 32 }));
        Assert.True((await trail.VerifyAsync()).IsValid);
        Assert.Equal(3, (await tree.ReadLeavesAsync(5).ToListAsync()).Count);
    }

    [Fact]
    public async Task A_taken_sequence_is_refused_and_changes_nothing()
    {
        var store = NewStore();
        var trail = Trail(store);
        var first = await trail.RecordAsync(AuditEvents.Draft());
        var tree = Tree(store);
        var leaf = await tree.ReadLeavesAsync(1).SingleAsync();
        var hashes = await tree.ReadHashesAsync([0]);

        var again = new AuditLeaf { Sequence = 1, Data = new byte[] { 1, 2, 3 }, Hashes = [new byte[32]] };
        Assert.False(await tree.TryAppendWithLeafAsync(AuditEvents.Sealed(1), again));

        Assert.Equal(1, await tree.GetTreeSizeAsync());
        Assert.Equal(leaf.Data.ToArray(), (await tree.ReadLeavesAsync(1).SingleAsync()).Data.ToArray());
        Assert.Equal(hashes, await tree.ReadHashesAsync([0]));
        Assert.Equal(first, await store.GetLastAsync());
    }

    [Fact]
    public async Task A_leaf_that_is_not_the_events_is_refused()
    {
        var store = NewStore();
        var leaf = new AuditLeaf { Sequence = 2, Data = new byte[] { 1 }, Hashes = [new byte[32]] };

        await Assert.ThrowsAsync<ArgumentException>(() => Tree(store).TryAppendWithLeafAsync(AuditEvents.Sealed(1), leaf).AsTask());

        Assert.Null(await store.GetLastAsync());
        Assert.Equal(0, await Tree(store).GetTreeSizeAsync());
    }

    [Fact]
    public async Task A_hash_index_that_is_not_stored_is_refused_with_its_index()
    {
        var store = NewStore();
        await Trail(store).RecordAsync(AuditEvents.Draft());

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Tree(store).ReadHashesAsync([0, 5]).AsTask());

        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_stored_without_leaves_get_them_at_the_next_record_and_verify()
    {
        var store = NewStore();
        var chainOnly = new AuditTrail(new ChainOnlyAuditStore(store), TestClock.Create(), ids, new AuditOptions());
        for (var i = 0; i < 3; i++)
        {
            await chainOnly.RecordAsync(AuditEvents.Draft());
        }

        var trail = Trail(store);
        Assert.True((await trail.VerifyAsync()).IsValid);

        await trail.RecordAsync(AuditEvents.Draft());

        Assert.Equal(4, await Tree(store).GetTreeSizeAsync());
        var verification = await trail.VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(4, verification.EventsChecked);
    }
}

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
    private static readonly string SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit");

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

    [ContractFact]
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

    [ContractFact]
    public async Task A_taken_sequence_is_refused_and_changes_nothing()
    {
        var store = NewStore();
        var trail = Trail(store);
        var first = await trail.RecordAsync(AuditEvents.Draft());
        var tree = Tree(store);
        var leaf = await tree.ReadLeavesAsync(1).SingleAsync();
        var hashes = await tree.ReadHashesAsync([0]);

        var again = new AuditLeaf { Sequence = 1, Data = new byte[] { 1, 2, 3 }, Hashes = [new byte[32]] };
        Assert.Equal(0, await tree.TryAppendWithLeavesAsync([AuditEvents.Sealed(1)], [again]));

        Assert.Equal(1, await tree.GetTreeSizeAsync());
        Assert.Equal(leaf.Data.ToArray(), (await tree.ReadLeavesAsync(1).SingleAsync()).Data.ToArray());
        Assert.Equal(hashes, await tree.ReadHashesAsync([0]));
        Assert.Equal(first, await store.GetLastAsync());
    }

    [ContractFact]
    public async Task A_leaf_copied_with_an_erased_commitment_keeps_it_erased()
    {
        // A trail copied from another store (a migration, a restore) brings leaves whose salts were erased there.
        var store = NewStore();
        var leaf = new AuditLeaf
        {
            Sequence = 1,
            Data = new byte[] { 1, 2, 3 },
            Hashes = [new byte[32]],
            Commitments =
            [
                new AuditCommitment { Field = "request/ipAddress", Commitment = new byte[32], Salt = null },
                new AuditCommitment { Field = "request/userAgent", Commitment = new byte[32], Salt = Enumerable.Repeat((byte)7, 32).ToArray() },
            ],
        };

        Assert.Equal(1, await Tree(store).TryAppendWithLeavesAsync([AuditEvents.Sealed(1)], [leaf]));

        var stored = await Tree(store).ReadLeavesAsync(1).SingleAsync();
        Assert.Equal(["request/ipAddress", "request/userAgent"], stored.Commitments.Select(c => c.Field));
        Assert.True(stored.Commitments[0].IsErased);
        Assert.Equal(Enumerable.Repeat((byte)7, 32), stored.Commitments[1].Salt!.Value.ToArray());
    }

    [ContractFact]
    public async Task A_leaf_that_is_not_the_events_is_refused()
    {
        var store = NewStore();
        var leaf = new AuditLeaf { Sequence = 2, Data = new byte[] { 1 }, Hashes = [new byte[32]] };

        await Assert.ThrowsAsync<ArgumentException>(() => Tree(store).TryAppendWithLeavesAsync([AuditEvents.Sealed(1)], [leaf]).AsTask());

        Assert.Null(await store.GetLastAsync());
        Assert.Equal(0, await Tree(store).GetTreeSizeAsync());
    }

    [ContractFact]
    public async Task A_hash_index_that_is_not_stored_is_refused_with_its_index()
    {
        var store = NewStore();
        await Trail(store).RecordAsync(AuditEvents.Draft());

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Tree(store).ReadHashesAsync([0, 5]).AsTask());

        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    [ContractFact]
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

    [ContractFact]
    public async Task Erasing_a_person_removes_their_values_and_salts_and_every_checkpoint_and_proof_still_verifies()
    {
        var store = NewStore();
        var trail = Trail(store);
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = SigningKey });
        var request = new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "Browser/1 (alice)", RequestId = "r1" };
        for (var i = 0; i < 3; i++)
        {
            await trail.RecordAsync(AuditEvents.Draft(userId: "alice", context: new { n = i, email = "alice@example.org" }) with { Request = request });
            await trail.RecordAsync(AuditEvents.Draft(userId: "bob", context: new { n = i, email = "bob@example.org" }) with { Request = request });
        }

        var before = await log.CreateCheckpointAsync();
        var proof = await log.ProveInclusionAsync(1, before);

        Assert.Equal(3, await log.ErasePersonalDataAsync("alice"));

        var events = await store.ReadChainAsync().Select(r => r.Event!).ToListAsync();
        var alice = events.Where(e => e.UserId == "alice").ToList();
        Assert.Equal(3, alice.Count);
        Assert.All(alice, e =>
        {
            Assert.Null(e.Request!.IpAddress);
            Assert.Null(e.Request.UserAgent);
            Assert.Equal("r1", e.Request.RequestId);
            Assert.DoesNotContain("alice@example.org", e.ContextJson, StringComparison.Ordinal);
        });
        Assert.All(events.Where(e => e.UserId == "bob"), e => Assert.Equal("203.0.113.7", e.Request!.IpAddress));
        var leaves = await Tree(store).ReadLeavesAsync(1).ToListAsync();
        Assert.All(leaves.Where(l => l.Sequence % 2 == 1 && l.Sequence < 7), l => Assert.All(l.Commitments, c => Assert.True(c.IsErased)));
        var erasure = Assert.Single(events, e => e.EventType == "audit.personal_data_erased");
        Assert.Contains("\"erasedEvents\":3", erasure.ContextJson, StringComparison.Ordinal);

        var verification = await log.VerifyAsync(before);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(3, verification.RedactedEvents);
        Assert.True(log.CheckInclusionProof(before, proof));
        Assert.True(log.CheckInclusionProof(before, await log.ProveInclusionAsync(1, before)));
        Assert.Equal(0, await log.ErasePersonalDataAsync("alice"));
    }

    [ContractFact]
    public async Task Erasing_an_unknown_person_is_refused_and_changes_nothing()
    {
        var store = NewStore();
        var trail = Trail(store);
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = SigningKey });
        await trail.RecordAsync(AuditEvents.Draft(userId: "alice") with { Request = new RequestMetadata { IpAddress = "203.0.113.7" } });
        var checkpoint = await log.CreateCheckpointAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.ErasePersonalDataAsync("nobody"));

        Assert.Contains("No audit event has the user id 'nobody'", error.Message, StringComparison.Ordinal);
        Assert.Equal(checkpoint, await log.CreateCheckpointAsync());
        Assert.Equal("203.0.113.7", (await store.GetLastAsync())!.Request!.IpAddress);
    }

    [ContractFact(NeedsGoTlog = true)]
    public async Task Checkpoints_and_proofs_from_this_store_verify_with_Gos_tlog_and_altered_ones_do_not()
    {
        const string Origin = "example.com/audit";
        var store = NewStore();
        var trail = Trail(store);
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = SigningKey });
        for (var i = 0; i < 6; i++)
        {
            await trail.RecordAsync(AuditEvents.Draft(context: new { n = i, email = "p@example.org" }));
        }

        var older = await log.CreateCheckpointAsync();
        for (var i = 6; i < 11; i++)
        {
            await trail.RecordAsync(AuditEvents.Draft(context: new { n = i, email = "p@example.org" }));
        }

        var newer = await log.CreateCheckpointAsync();
        var directory = Directory.CreateTempSubdirectory("exportkit-tlog-contract-").FullName;
        try
        {
            string Write(string name, string text)
            {
                var path = Path.Combine(directory, name);
                File.WriteAllText(path, text);
                return path;
            }

            var (oldFile, newFile) = (Write("old", older), Write("new", newer));
            Assert.Equal(0, GoTlogVerifier.Run("checkpoint", log.VerifierKey, Origin, newFile).ExitCode);
            for (var sequence = 1; sequence <= 11; sequence++)
            {
                var proof = Write($"p{sequence}", await log.ProveInclusionAsync(sequence, newer));
                var (exit, output) = GoTlogVerifier.Run("inclusion", log.VerifierKey, Origin, newFile, proof);
                Assert.True(exit == 0, $"inclusion of {sequence}: {output}");
            }

            var consistency = await log.ProveConsistencyAsync(older, newer);
            Assert.Equal(0, GoTlogVerifier.Run("consistency", log.VerifierKey, Origin, oldFile, newFile, Write("c", consistency)).ExitCode);

            var hash = System.Text.Json.JsonDocument.Parse(consistency).RootElement.GetProperty("proof")[0].GetString()!;
            var altered = Write("altered", consistency.Replace(hash, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal));
            Assert.Equal(1, GoTlogVerifier.Run("consistency", log.VerifierKey, Origin, oldFile, newFile, altered).ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

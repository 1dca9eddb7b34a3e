using System.Text;
using ExportKit.Audit.Tests.Chain;

namespace ExportKit.Audit.Tests.Transparency;

public sealed class PersonalDataLeafTests
{
    private static readonly RequestMetadata Request = new()
    {
        IpAddress = "203.0.113.77",
        ForwardedFor = "198.51.100.9",
        UserAgent = "Mozilla/5.0 (Secret Browser)",
        RequestId = "req-1",
    };

    private static AuditOptions Options() => new() { PersonalFields = { "email" }, UserIdIsPersonal = true };

    private static AuditEventDraft Draft() => Trails.Draft(
        context: new { reason = "profile edit", email = "ctx@example.org" },
        before: new { status = "draft", contact = new { email = "old@example.org" } },
        after: new { status = "final", contact = new { email = "new@example.org" } }) with { Request = Request, UserId = "alice-42" };

    [Fact]
    public async Task A_leaf_holds_no_personal_value_only_its_salted_commitment()
    {
        var store = new InMemoryAuditEventStore();
        var recorded = await Trails.Create(store, options: Options()).RecordAsync(Draft());

        var leaf = await store.ReadLeavesAsync(1).SingleAsync();
        var text = Encoding.UTF8.GetString(leaf.Data.Span);
        foreach (var secret in new[] { "203.0.113.77", "198.51.100.9", "Secret Browser", "alice-42", "ctx@example.org", "old@example.org", "new@example.org" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("exportkit.audit-event.v2", text, StringComparison.Ordinal);
        Assert.Contains("profile edit", text, StringComparison.Ordinal);
        Assert.Contains("req-1", text, StringComparison.Ordinal);
        Assert.Equal(
            ["after/contact.email", "before/contact.email", "context/email", "diff/0/after", "diff/0/before", "forwarded_for", "ip_address", "user_agent", "user_id"],
            leaf.Commitments.Select(c => c.Field));
        Assert.All(leaf.Commitments, c => Assert.Equal(32, c.Salt!.Value.Length));
        Assert.Equal("alice-42", recorded!.UserId);
        Assert.True((await Trails.Create(store, options: Options()).VerifyAsync()).IsValid);
    }

    [Theory]
    [InlineData("203.0.113.77")]
    [InlineData("Zoë Łukasiewicz 👩‍💼")]
    [InlineData(null)] // a value longer than the stack buffer: 2,000 characters
    public async Task A_commitment_is_SHA256_of_salt_field_0_value_as_the_README_specifies(string? ip)
    {
        ip ??= new string('9', 2000);
        var store = new InMemoryAuditEventStore();
        await Trails.Create(store, options: Options()).RecordAsync(Draft() with { Request = new RequestMetadata { IpAddress = ip } });

        var commitment = (await store.ReadLeavesAsync(1).SingleAsync()).Commitments.Single(c => c.Field == "ip_address");
        byte[] expected = System.Security.Cryptography.SHA256.HashData(
            [.. commitment.Salt!.Value.Span, .. Encoding.UTF8.GetBytes("ip_address"), 0x00, .. Encoding.UTF8.GetBytes(ip)]);
        Assert.Equal(expected, commitment.Commitment.ToArray());
    }

    [Fact]
    public async Task Salts_are_fresh_per_event_so_equal_values_commit_differently()
    {
        var store = new InMemoryAuditEventStore();
        var trail = Trails.Create(store, options: Options());
        await trail.RecordAsync(Draft());
        await trail.RecordAsync(Draft());

        var leaves = await store.ReadLeavesAsync(1).ToListAsync();
        var ip = leaves.Select(l => l.Commitments.Single(c => c.Field == "ip_address")).ToList();
        Assert.NotEqual(ip[0].Commitment.ToArray(), ip[1].Commitment.ToArray());
        Assert.NotEqual(ip[0].Salt!.Value.ToArray(), ip[1].Salt!.Value.ToArray());
    }

    [Fact]
    public async Task Erasing_a_value_and_its_salt_rebuilds_the_same_leaf()
    {
        var store = new InMemoryAuditEventStore();
        var recorded = (await Trails.Create(store, options: Options()).RecordAsync(Draft()))!;
        var leaf = await store.ReadLeavesAsync(1).SingleAsync();
        var erased = AuditEventCopy.Sealed(new AuditEvent
        {
            Id = recorded.Id, Sequence = recorded.Sequence, Timestamp = recorded.Timestamp, EventType = recorded.EventType,
            Severity = recorded.Severity, ActorType = recorded.ActorType, UserId = null, TenantId = recorded.TenantId,
            ContextJson = """{"email":null,"reason":"profile edit"}""",
            Request = recorded.Request! with { IpAddress = null, ForwardedFor = null, UserAgent = null },
            BeforeJson = """{"contact":{"email":null},"status":"draft"}""",
            AfterJson = """{"contact":{"email":null},"status":"final"}""",
            Diff = [recorded.Diff[0] with { BeforeJson = null, AfterJson = null }, .. recorded.Diff.Skip(1)],
            PreviousHash = recorded.PreviousHash, Hash = recorded.Hash,
        }, recorded.Hash);
        var withoutSalts = leaf.Commitments.Select(c => new AuditCommitment { Field = c.Field, Commitment = c.Commitment }).ToList();

        var rebuilt = AuditLeafEncoding.Encode(erased, AuditCommitments.Recompute(erased, withoutSalts));

        Assert.Equal(leaf.Data.ToArray(), rebuilt);
    }

    [Fact]
    public async Task A_personal_value_changed_behind_the_api_no_longer_matches_its_commitment()
    {
        var store = new InMemoryAuditEventStore();
        var trail = Trails.Create(store, options: Options());
        await trail.RecordAsync(Draft());
        await trail.RecordAsync(Draft());
        var tampered = new TamperedStore(store, chain => chain.Select(e => e.Sequence == 2
            ? AuditEventCopy.Sealed(AuditEventCopyWithRequest(e, e.Request! with { IpAddress = "192.0.2.1" }), e.Hash)
            : e));

        var verification = await Trails.Create(tampered, options: Options()).VerifyAsync();

        Assert.Equal(AuditChainFailure.Changed, verification.Failure);
        Assert.Equal(2, verification.FirstBadSequence);
    }

    [Fact]
    public async Task A_tampered_stored_tree_hash_is_reported_as_a_tree_mismatch()
    {
        var store = new InMemoryAuditEventStore();
        var clock = ExportKit.Testing.TestClock.Create();
        await Trails.RecordMany(Trails.Create(store, clock), clock, 5);
        var stored = await store.ReadHashesAsync([3]);
        stored[0][0] ^= 1; // the store hands out its own arrays: this changes the stored hash

        var verification = await Trails.Create(store).VerifyAsync();

        Assert.Equal(AuditChainFailure.TreeMismatch, verification.Failure);
        Assert.Contains("stored tree hash 3", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_recorded_before_the_tree_get_their_chain_encoding_as_leaf_and_still_verify()
    {
        var store = new InMemoryAuditEventStore();
        var clock = ExportKit.Testing.TestClock.Create();
        var ids = new ExportKit.Testing.SequentialIds();
        var chainOnly = new ExportKit.Storage.Contracts.ChainOnlyAuditStore(store);
        await Trails.RecordMany(Trails.Create(chainOnly, clock, ids: ids), clock, 3);
        Assert.Equal(0, await store.GetTreeSizeAsync());

        await Trails.Create(store, clock, ids: ids).RecordAsync(Trails.Draft());

        Assert.Equal(4, await store.GetTreeSizeAsync());
        var leaves = await store.ReadLeavesAsync(1).ToListAsync();
        Assert.StartsWith("\u0001\0\0\0\u0018exportkit.audit-event.v1", Encoding.UTF8.GetString(leaves[0].Data.Span), StringComparison.Ordinal);
        Assert.True((await Trails.Create(store).VerifyAsync()).IsValid);
    }

    private static AuditEvent AuditEventCopyWithRequest(AuditEvent e, RequestMetadata request) => new()
    {
        Id = e.Id, Sequence = e.Sequence, Timestamp = e.Timestamp, EventType = e.EventType, Severity = e.Severity, ActorType = e.ActorType,
        UserId = e.UserId, TenantId = e.TenantId, ResourceType = e.ResourceType, ResourceId = e.ResourceId, ContextJson = e.ContextJson,
        Request = request, BeforeJson = e.BeforeJson, AfterJson = e.AfterJson, Diff = e.Diff, PreviousHash = e.PreviousHash, Hash = e.Hash,
    };
}

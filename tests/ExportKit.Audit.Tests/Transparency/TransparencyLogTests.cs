using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Transparency;

public sealed class TransparencyLogTests
{
    private static readonly string Key = AuditTransparencyOptions.GenerateSigningKey("example.com/audit");

    internal static async Task<(AuditTransparencyLog Log, AuditTrail Trail, InMemoryAuditEventStore Store)> LogWith(int events, string? key = null, string? origin = null, string tenant = "acme")
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        var trail = Trails.Create(store, clock);
        await Trails.RecordMany(trail, clock, events, tenant);
        return (new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = key ?? Key, Origin = origin }), trail, store);
    }

    [Fact]
    public async Task A_checkpoint_is_a_C2SP_tlog_checkpoint_in_a_signed_note()
    {
        var (log, _, store) = await LogWith(5);

        var checkpoint = await log.CreateCheckpointAsync();

        var lines = checkpoint.Split('\n');
        Assert.Equal("example.com/audit", lines[0]);
        Assert.Equal("5", lines[1]);
        Assert.Equal(32, Convert.FromBase64String(lines[2]).Length);
        Assert.Equal(string.Empty, lines[3]);
        Assert.StartsWith("\u2014 example.com/audit ", lines[4], StringComparison.Ordinal);
        Assert.Equal(68, Convert.FromBase64String(lines[4].Split(' ')[2]).Length);
        Assert.Equal(string.Empty, lines[5]);
        Assert.Equal(6, lines.Length);
        var root = TreeProofs.TreeHash(5, await store.ReadHashesAsync(TreeProofs.TreeHashIndexes(5)));
        Assert.Equal(Convert.ToBase64String(root), lines[2]);
    }

    [Fact]
    public async Task The_verifier_key_is_name_plus_key_hash_plus_base64_key()
    {
        var (log, _, _) = await LogWith(0);

        var parts = log.VerifierKey.Split('+', 3);

        Assert.Equal("example.com/audit", parts[0]);
        var key = Convert.FromBase64String(parts[2]);
        Assert.Equal(33, key.Length);
        Assert.Equal(1, key[0]);
        var hash = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes("example.com/audit\n"), .. key]));
        Assert.Equal(hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), parts[1]);
    }

    [Fact]
    public async Task Every_event_has_an_inclusion_proof_that_checks_and_an_altered_one_does_not()
    {
        var (log, _, _) = await LogWith(13);
        var checkpoint = await log.CreateCheckpointAsync();

        for (var sequence = 1; sequence <= 13; sequence++)
        {
            var proof = await log.ProveInclusionAsync(sequence, checkpoint);
            using var json = JsonDocument.Parse(proof);
            Assert.Equal(sequence - 1, json.RootElement.GetProperty("index").GetInt64());
            Assert.True(log.CheckInclusionProof(checkpoint, proof));

            var otherIndex = proof.Replace($"\"index\":{sequence - 1}", $"\"index\":{sequence % 13}", StringComparison.Ordinal);
            Assert.False(log.CheckInclusionProof(checkpoint, otherIndex));
        }

        var leafAltered = JsonSerializer.Serialize(new { index = 0, leaf = Convert.ToBase64String("forged"u8), proof = Array.Empty<string>() });
        Assert.False(log.CheckInclusionProof(checkpoint, leafAltered));
    }

    [Fact]
    public async Task A_consistency_proof_shows_an_old_checkpoint_is_a_prefix_of_a_new_one()
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        var trail = Trails.Create(store, clock);
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = Key });
        var empty = await log.CreateCheckpointAsync();
        await Trails.RecordMany(trail, clock, 3);
        var older = await log.CreateCheckpointAsync();
        await Trails.RecordMany(trail, clock, 8);
        var newer = await log.CreateCheckpointAsync();

        var proof = await log.ProveConsistencyAsync(older, newer);

        Assert.True(log.CheckConsistencyProof(older, newer, proof));
        Assert.True(log.CheckConsistencyProof(empty, newer, await log.ProveConsistencyAsync(empty, newer)));
        Assert.True(log.CheckConsistencyProof(newer, newer, await log.ProveConsistencyAsync(newer, newer)));
        Assert.False(log.CheckConsistencyProof(older, newer, """{"proof":[]}"""));
        await Assert.ThrowsAsync<ArgumentException>(() => log.ProveConsistencyAsync(newer, older));
        Assert.True((await log.VerifyAsync(older)).IsValid);
    }

    [Fact]
    public async Task A_checkpoint_of_another_log_or_key_or_an_altered_one_is_refused_with_a_clear_error()
    {
        var (log, _, _) = await LogWith(4);
        var (otherKeyLog, _, _) = await LogWith(4, key: AuditTransparencyOptions.GenerateSigningKey("example.com/audit"));
        var (otherOriginLog, _, _) = await LogWith(4, origin: "example.com/other");
        var checkpoint = await log.CreateCheckpointAsync();

        var otherKeyCheckpoint = await otherKeyLog.CreateCheckpointAsync();
        var otherOriginCheckpoint = await otherOriginLog.CreateCheckpointAsync();
        var otherKey = await Assert.ThrowsAsync<ArgumentException>(() => log.ProveInclusionAsync(1, otherKeyCheckpoint));
        Assert.Contains("not signed by this log's key", otherKey.Message, StringComparison.Ordinal);
        var otherOrigin = await Assert.ThrowsAsync<ArgumentException>(() => log.VerifyAsync(otherOriginCheckpoint));
        Assert.Contains("from another log", otherOrigin.Message, StringComparison.Ordinal);
        var altered = Assert.Throws<ArgumentException>(() => log.CheckInclusionProof(checkpoint.Replace("\n4\n", "\n3\n", StringComparison.Ordinal), "{}"));
        Assert.Contains("does not verify", altered.Message, StringComparison.Ordinal);
        foreach (var malformed in new[] { "", "garbage", "example.com/audit\n4\n", "example.com/audit\n04\nAAAA\n\n\u2014 x y\n", checkpoint.Replace("\u2014", "-", StringComparison.Ordinal) })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => log.VerifyAsync(malformed));
            Assert.Contains("checkpoint", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"leaf":"AA==","proof":[]}""")]
    [InlineData("""{"index":-1,"leaf":"AA==","proof":[]}""")]
    [InlineData("""{"index":0,"leaf":"%%","proof":[]}""")]
    [InlineData("""{"index":0,"leaf":"AA==","proof":["AAAA"]}""")]
    [InlineData("""{"index":0,"leaf":"AA==","proof":"AAAA"}""")]
    public async Task A_malformed_proof_is_refused_with_a_clear_error(string proof)
    {
        var (log, _, _) = await LogWith(2);
        var checkpoint = await log.CreateCheckpointAsync();

        var error = Assert.Throws<ArgumentException>(() => log.CheckInclusionProof(checkpoint, proof));

        Assert.Contains("proof", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sequence_outside_the_checkpoint_is_refused()
    {
        var (log, trail, _) = await LogWith(3);
        var checkpoint = await log.CreateCheckpointAsync();
        await trail.RecordAsync(Trails.Draft());

        foreach (var sequence in new long[] { 0, 4, 99 })
        {
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.ProveInclusionAsync(sequence, checkpoint));
            Assert.Contains("from 1 to 3", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verification_against_a_checkpoint_reports_a_truncated_or_rewritten_history()
    {
        var (big, _, _) = await LogWith(6);
        var (small, _, _) = await LogWith(4);
        var (rewritten, _, _) = await LogWith(6, tenant: "globex");
        var checkpoint = await big.CreateCheckpointAsync();

        var truncated = await small.VerifyAsync(checkpoint);
        var changed = await rewritten.VerifyAsync(checkpoint);

        Assert.Equal(AuditChainFailure.Truncated, truncated.Failure);
        Assert.Contains("2 event(s) it signed were removed", truncated.Message, StringComparison.Ordinal);
        Assert.Equal(AuditChainFailure.Rewritten, changed.Failure);
        Assert.True((await big.VerifyAsync(checkpoint)).IsValid);
        await Assert.ThrowsAsync<ArgumentException>(() => small.ProveInclusionAsync(1, checkpoint));
    }

    [Fact]
    public async Task Keys_whose_base64_holds_a_plus_sign_are_read_back_regression()
    {
        // The base64 part of a key may contain '+', the separator of the key's other parts.
        for (var i = 0; i < 40; i++)
        {
            var key = AuditTransparencyOptions.GenerateSigningKey("k");
            var (log, _, _) = await LogWith(1, key: key, origin: "k");
            Assert.True(log.CheckInclusionProof(await log.CreateCheckpointAsync(), await log.ProveInclusionAsync(1, await log.CreateCheckpointAsync())));
        }
    }

    [Fact]
    public void Invalid_options_list_every_problem()
    {
        var options = new AuditTransparencyOptions { SigningKey = "PRIVATE+KEY+x+00000000+AAAA", Origin = "two\nlines" };

        var problems = options.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Throws<ArgumentException>(() => new AuditTransparencyLog(Trails.Create(new InMemoryAuditEventStore()), options));
        Assert.Single(new AuditTransparencyOptions().Validate());
        Assert.Throws<ArgumentException>(() => AuditTransparencyOptions.GenerateSigningKey("has space"));
    }
}

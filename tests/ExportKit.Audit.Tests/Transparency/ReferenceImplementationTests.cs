using ExportKit.Storage.Contracts;

namespace ExportKit.Audit.Tests.Transparency;

/// <summary>Go's golang.org/x/mod/sumdb/note and tlog accept every checkpoint and proof ExportKit writes, and reject altered ones.</summary>
public sealed class ReferenceImplementationTests : IDisposable
{
    private const string Origin = "example.com/audit";
    private readonly string directory = Directory.CreateTempSubdirectory("exportkit-tlog-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void Accepts(params string[] arguments)
    {
        var (exit, output) = GoTlogVerifier.Run(arguments);
        Assert.True(exit == 0, $"the reference verifier refused: {output}");
    }

    private static void Rejects(params string[] arguments)
    {
        var (exit, output) = GoTlogVerifier.Run(arguments);
        Assert.True(exit == 1, $"the reference verifier accepted altered input (exit {exit}): {output}");
    }

    private static AuditOptions Personal() => new() { PersonalFields = { "email" } };

    [GoTlogFact]
    public async Task Checkpoints_verify_with_note_Open_and_altered_or_foreign_ones_do_not()
    {
        var (log, _, _) = await TransparencyLogTests.LogWith(9);
        var (other, _, _) = await TransparencyLogTests.LogWith(9, key: AuditTransparencyOptions.GenerateSigningKey(Origin));
        var checkpoint = await log.CreateCheckpointAsync();
        var lines = checkpoint.Split('\n');

        Accepts("checkpoint", log.VerifierKey, Origin, Write("cp", checkpoint));
        Rejects("checkpoint", log.VerifierKey, Origin, Write("size", checkpoint.Replace("\n9\n", "\n8\n", StringComparison.Ordinal)));
        Rejects("checkpoint", log.VerifierKey, Origin, Write("root", checkpoint.Replace(lines[2], Convert.ToBase64String(new byte[32]), StringComparison.Ordinal)));
        Rejects("checkpoint", log.VerifierKey, Origin, Write("other", await other.CreateCheckpointAsync()));
        Rejects("checkpoint", log.VerifierKey, "example.com/elsewhere", Write("origin", checkpoint));
    }

    [GoTlogFact]
    public async Task Inclusion_proofs_of_every_event_verify_with_tlog_CheckRecord_and_altered_ones_do_not()
    {
        var (log, trail, _) = await TransparencyLogTests.LogWith(0);
        for (var i = 0; i < 11; i++)
        {
            await trail.RecordAsync(Trails.Draft(context: new { n = i, email = "p@example.org" }) with { Request = new RequestMetadata { IpAddress = "203.0.113.9" } });
        }

        var checkpoint = Write("cp", await log.CreateCheckpointAsync());
        for (var sequence = 1; sequence <= 11; sequence++)
        {
            var proof = await log.ProveInclusionAsync(sequence, File.ReadAllText(checkpoint));
            Accepts("inclusion", log.VerifierKey, Origin, checkpoint, Write($"p{sequence}", proof));
            Rejects("inclusion", log.VerifierKey, Origin, checkpoint,
                Write($"i{sequence}", proof.Replace($"\"index\":{sequence - 1}", $"\"index\":{sequence % 11}", StringComparison.Ordinal)));
        }

        var first = await log.ProveInclusionAsync(1, File.ReadAllText(checkpoint));
        var leaf = System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("leaf").GetString()!;
        var bytes = Convert.FromBase64String(leaf);
        bytes[^1] ^= 1;
        Rejects("inclusion", log.VerifierKey, Origin, checkpoint, Write("leaf", first.Replace(leaf, Convert.ToBase64String(bytes), StringComparison.Ordinal)));
    }

    [GoTlogFact]
    public async Task Consistency_proofs_verify_with_tlog_CheckTree_and_altered_ones_do_not()
    {
        var store = new InMemoryAuditEventStore();
        var clock = ExportKit.Testing.TestClock.Create();
        var trail = Trails.Create(store, clock, Personal());
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = AuditTransparencyOptions.GenerateSigningKey(Origin) });
        await Trails.RecordMany(trail, clock, 6);
        var older = await log.CreateCheckpointAsync();
        await Trails.RecordMany(trail, clock, 7);
        var newer = await log.CreateCheckpointAsync();
        var proof = await log.ProveConsistencyAsync(older, newer);
        var (oldFile, newFile) = (Write("old", older), Write("new", newer));

        Accepts("consistency", log.VerifierKey, Origin, oldFile, newFile, Write("proof", proof));
        Rejects("consistency", log.VerifierKey, Origin, oldFile, newFile, Write("empty", """{"proof":[]}"""));
        var hash = System.Text.Json.JsonDocument.Parse(proof).RootElement.GetProperty("proof")[0].GetString()!;
        Rejects("consistency", log.VerifierKey, Origin, oldFile, newFile, Write("flipped", proof.Replace(hash, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal)));
        Rejects("consistency", log.VerifierKey, Origin, newFile, oldFile, Write("swapped", proof));
    }

    [GoTlogFact]
    public async Task After_retention_pruned_events_proofs_of_the_rest_and_of_old_checkpoints_verify_with_tlog()
    {
        var store = new InMemoryAuditEventStore();
        var clock = ExportKit.Testing.TestClock.Create();
        var trail = Trails.Create(store, clock, Personal());
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = AuditTransparencyOptions.GenerateSigningKey(Origin) });
        var events = await Trails.RecordMany(trail, clock, 5);
        var older = await log.CreateCheckpointAsync();
        await Trails.RecordMany(trail, clock, 6);
        var anchor = await log.CreateCheckpointAsync();
        Assert.Equal(4, await log.PruneAsync(events[4].Timestamp, anchor));
        await Trails.RecordMany(trail, clock, 2);
        var newer = Write("new", await log.CreateCheckpointAsync());

        Accepts("consistency", log.VerifierKey, Origin, Write("old", older), newer, Write("c1", await log.ProveConsistencyAsync(older, File.ReadAllText(newer))));
        Accepts("consistency", log.VerifierKey, Origin, Write("anchor", anchor), newer, Write("c2", await log.ProveConsistencyAsync(anchor, File.ReadAllText(newer))));
        foreach (var sequence in new long[] { 5, 9, 14 })
        {
            Accepts("inclusion", log.VerifierKey, Origin, newer, Write($"p{sequence}", await log.ProveInclusionAsync(sequence, File.ReadAllText(newer))));
        }
    }
}

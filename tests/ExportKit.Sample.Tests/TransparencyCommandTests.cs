namespace ExportKit.Sample.Tests;

public sealed class TransparencyCommandTests : IDisposable
{
    private readonly SampleRun run = new();

    public void Dispose() => run.Dispose();

    private string FileIn(string name) => Path.Combine(run.Directory, name);

    [Fact]
    public async Task Checkpoints_proofs_verification_and_erasure_from_the_command_line()
    {
        await run.RunAsync("--now", SampleRun.Now);

        var key = await run.RunAsync("audit", "verifier-key");
        var old = await run.RunAsync("audit", "checkpoint", "--out", FileIn("old.cp"));
        await run.RunAsync("--now", SampleRun.Now);
        var current = await run.RunAsync("audit", "checkpoint", "--out", FileIn("new.cp"));
        var prove = await run.RunAsync("audit", "prove", "--sequence", "2", "--checkpoint", FileIn("new.cp"), "--out", FileIn("proof.json"));
        var consistency = await run.RunAsync("audit", "consistency", "--from", FileIn("old.cp"), "--to", FileIn("new.cp"), "--out", FileIn("consistency.json"));
        var erase = await run.RunAsync("audit", "erase", "--user", "dana");
        var verify = await run.RunAsync("audit", "verify", "--checkpoint", FileIn("new.cp"));

        Assert.Equal([0, 0, 0, 0, 0, 0, 0], new[] { key.Exit, old.Exit, current.Exit, prove.Exit, consistency.Exit, erase.Exit, verify.Exit });
        Assert.Contains("Created the checkpoint signing key", key.Output, StringComparison.Ordinal);
        Assert.Contains("exportkit.sample/audit+", key.Output, StringComparison.Ordinal);
        Assert.StartsWith("exportkit.sample/audit\n5\n", await File.ReadAllTextAsync(FileIn("old.cp")), StringComparison.Ordinal);
        Assert.Contains("\"index\":1", await File.ReadAllTextAsync(FileIn("proof.json")), StringComparison.Ordinal);
        Assert.Contains("Erased the personal data of 2 event(s)", erase.Output, StringComparison.Ordinal);
        Assert.Contains("11 events checked, 2 redacted", verify.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(run.Database + ".signing-key"));
        }
    }

    [Fact]
    public async Task Bad_input_gets_one_clear_line_and_exit_1()
    {
        await run.RunAsync("--now", SampleRun.Now);
        await run.RunAsync("audit", "checkpoint", "--out", FileIn("cp"));
        await File.WriteAllTextAsync(FileIn("other.cp"), (await File.ReadAllTextAsync(FileIn("cp"))).Replace("exportkit.sample/audit\n", "example.com/other\n", StringComparison.Ordinal));

        var unknown = await run.RunAsync("audit", "erase", "--user", "nobody");
        var sequence = await run.RunAsync("audit", "prove", "--sequence", "99", "--checkpoint", FileIn("cp"), "--out", FileIn("p.json"));
        var foreign = await run.RunAsync("audit", "verify", "--checkpoint", FileIn("other.cp"));
        var missing = await run.RunAsync("audit", "consistency", "--from", FileIn("nope.cp"), "--to", FileIn("cp"), "--out", FileIn("c.json"));

        Assert.Equal([1, 1, 1, 1], new[] { unknown.Exit, sequence.Exit, foreign.Exit, missing.Exit });
        Assert.Contains("No audit event has the user id 'nobody'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("from 1 to 5", sequence.Error, StringComparison.Ordinal);
        Assert.Contains("from another log", foreign.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(FileIn("p.json")));
    }

    [Fact]
    public async Task Pruning_keeps_the_saved_checkpoint_as_anchor_and_what_remains_verifies_and_proves()
    {
        await run.RunAsync("--now", SampleRun.Now); // events 1-5
        await run.RunAsync("--now", "2026-03-02T12:00:00Z"); // events 6-10
        var early = await run.RunAsync("audit", "prune", "--before", "2026-03-02T00:00:00Z", "--now", "2026-03-03T00:00:00Z");
        await run.RunAsync("audit", "checkpoint", "--out", FileIn("cp"));

        var prune = await run.RunAsync("audit", "prune", "--before", "2026-03-02T00:00:00Z", "--now", "2026-03-03T00:00:00Z");
        var again = await run.RunAsync("audit", "prune", "--before", "2026-03-02T00:00:00Z", "--now", "2026-03-03T00:00:00Z");
        var verify = await run.RunAsync("audit", "verify", "--checkpoint", FileIn("cp"));
        var remaining = await run.RunAsync("audit", "prove", "--sequence", "7", "--checkpoint", FileIn("cp"), "--out", FileIn("p7.json"));
        var pruned = await run.RunAsync("audit", "prove", "--sequence", "2", "--checkpoint", FileIn("cp"), "--out", FileIn("p2.json"));
        await run.RunAsync("--now", "2026-03-03T06:00:00Z"); // events after the saved checkpoint
        var past = await run.RunAsync("audit", "prune", "--before", "2026-03-03T12:00:00Z", "--now", "2026-03-04T00:00:00Z");
        var future = await run.RunAsync("audit", "prune", "--before", "2099-01-01T00:00:00Z", "--now", "2026-03-03T00:00:00Z");

        Assert.Equal([1, 0, 0, 0, 0, 1, 1, 1], new[] { early.Exit, prune.Exit, again.Exit, verify.Exit, remaining.Exit, pruned.Exit, past.Exit, future.Exit });
        Assert.Contains("No checkpoint is saved beside the database", early.Error, StringComparison.Ordinal);
        Assert.Contains("Pruned 5 event(s) recorded before 2026-03-02T00:00:00.0000000+00:00", prune.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing to prune", again.Output, StringComparison.Ordinal);
        Assert.Contains("6 events checked, 0 redacted, 5 pruned by retention", verify.Output, StringComparison.Ordinal);
        Assert.Contains("\"index\":6", await File.ReadAllTextAsync(FileIn("p7.json")), StringComparison.Ordinal);
        Assert.Contains("was pruned by retention on", pruned.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(FileIn("p2.json")));
        Assert.Contains("past the checkpoint's tree of 10 events", past.Error, StringComparison.Ordinal);
        Assert.Contains("is in the future", future.Error, StringComparison.Ordinal);
    }
}

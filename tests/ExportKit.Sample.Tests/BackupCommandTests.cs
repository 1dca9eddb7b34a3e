namespace ExportKit.Sample.Tests;

public sealed class BackupCommandTests : IDisposable
{
    private readonly SampleRun run = new();

    public void Dispose() => run.Dispose();

    private string FileIn(string name) => Path.Combine(run.Directory, name);

    [Fact]
    public async Task A_backup_restores_after_its_integrity_trail_and_latest_checkpoint_are_checked()
    {
        await run.RunAsync("--now", SampleRun.Now);
        await run.RunAsync("audit", "checkpoint", "--out", FileIn("cp"));
        var backup = await run.RunAsync("backup", "--out", FileIn("b.db"));
        await run.RunAsync("--now", SampleRun.Now);

        var restore = await run.RunAsync("restore", "--from", FileIn("b.db"));
        var log = await run.RunAsync("audit", "verify");

        Assert.Equal((0, 0), (backup.Exit, restore.Exit));
        Assert.Contains("integrity ok, 5 audit events verified", restore.Output, StringComparison.Ordinal);
        Assert.Contains("The audit chain holds: 5 events checked.", log.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_older_than_the_latest_checkpoint_or_damaged_is_refused_and_nothing_changes()
    {
        await run.RunAsync("--now", SampleRun.Now);
        await run.RunAsync("backup", "--out", FileIn("old.db"));
        await run.RunAsync("--now", SampleRun.Now);
        await run.RunAsync("audit", "checkpoint", "--out", FileIn("cp"));
        await File.WriteAllTextAsync(FileIn("bad.db"), "not a database");

        var old = await run.RunAsync("restore", "--from", FileIn("old.db"));
        var bad = await run.RunAsync("restore", "--from", FileIn("bad.db"));
        var again = await run.RunAsync("backup", "--out", FileIn("old.db"));
        var log = await run.RunAsync("audit", "verify");

        Assert.Equal((1, 1, 1), (old.Exit, bad.Exit, again.Exit));
        Assert.Contains("Truncated", old.Error, StringComparison.Ordinal);
        Assert.Contains("is damaged", bad.Error, StringComparison.Ordinal);
        Assert.Contains("never overwrites", again.Error, StringComparison.Ordinal);
        Assert.Contains("The audit chain holds: 10 events checked.", log.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_of_a_pruned_log_restores_and_verifies()
    {
        await run.RunAsync("--now", SampleRun.Now);
        await run.RunAsync("--now", "2026-03-02T12:00:00Z");
        await run.RunAsync("audit", "checkpoint", "--out", FileIn("cp"));
        var prune = await run.RunAsync("audit", "prune", "--before", "2026-03-02T00:00:00Z", "--now", "2026-03-03T00:00:00Z");
        var backup = await run.RunAsync("backup", "--out", FileIn("b.db"));

        var restore = await run.RunAsync("restore", "--from", FileIn("b.db"));
        var verify = await run.RunAsync("audit", "verify", "--checkpoint", FileIn("cp"));

        Assert.Equal((0, 0, 0, 0), (prune.Exit, backup.Exit, restore.Exit, verify.Exit));
        Assert.Contains("5 pruned by retention", verify.Output, StringComparison.Ordinal);
    }
}

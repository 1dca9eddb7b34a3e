namespace ExportKit.Sample.Tests;

/// <summary>The sample with <c>--postgres</c>: every command keeps its data in PostgreSQL instead of the SQLite file.</summary>
public sealed class PostgreSqlSampleTests : IDisposable
{
    private readonly PostgresSample? sample = PostgresSample.SkipReason is null ? new PostgresSample() : null;

    private PostgresSample Sample => sample!;

    public void Dispose() => sample?.Dispose();

    [PostgresFact]
    public async Task Export_stats_history_audit_and_jobs_all_run_on_PostgreSQL()
    {
        var export = await Sample.RunAsync("export", "--category", "alert-logs", "--format", "json", "--tenant", "acme", "--user", "lee");
        var history = await Sample.RunAsync("history");
        var stats = await Sample.RunAsync("stats");
        var id = JobCommandTests.LastLine((await Sample.RunAsync("jobs", "create", "--audit")).Output);
        var worker = await Sample.RunAsync("worker", "--until-idle");
        var status = await Sample.RunAsync("jobs", "status", id);
        var verify = await Sample.RunAsync("audit", "verify");

        Assert.True(export.Exit == 0, export.Error);
        Assert.StartsWith("Database: PostgreSQL ", export.Output, StringComparison.Ordinal);
        Assert.Contains("alert-logs", history.Output, StringComparison.Ordinal);
        Assert.Contains("Total exports          1", stats.Output, StringComparison.Ordinal);
        Assert.Contains($"{id}: success (attempt 1, tenant acme)", worker.Output, StringComparison.Ordinal);
        Assert.Equal("success", JobCommandTests.StatusOf(status.Output));
        Assert.Contains("The audit chain holds:", verify.Output, StringComparison.Ordinal);
        Assert.Equal(1L, Sample.Scalar("SELECT count(*) FROM export_jobs;"));
        Assert.Equal(1L, Sample.Scalar("SELECT count(*) FROM exports;"));
        Assert.False(File.Exists("exportkit-sample.db"), "--postgres must not touch the SQLite file");
    }

    [PostgresFact]
    public async Task Checkpoints_proofs_verification_and_erasure_run_on_PostgreSQL_and_backup_points_to_its_own_tools()
    {
        var db = Path.Combine(Sample.Directory, "sample.db");
        string FileIn(string name) => Path.Combine(Sample.Directory, name);
        Task<(int Exit, string Output, string Error)> Run(params string[] args) => Sample.RunAsync([.. args, "--db", db]);

        await Run("--now", SampleRun.Now);
        var key = await Run("audit", "verifier-key");
        var old = await Run("audit", "checkpoint", "--out", FileIn("old.cp"));
        await Run("--now", SampleRun.Now);
        var current = await Run("audit", "checkpoint", "--out", FileIn("new.cp"));
        var prove = await Run("audit", "prove", "--sequence", "2", "--checkpoint", FileIn("new.cp"), "--out", FileIn("proof.json"));
        var consistency = await Run("audit", "consistency", "--from", FileIn("old.cp"), "--to", FileIn("new.cp"), "--out", FileIn("consistency.json"));
        var erase = await Run("audit", "erase", "--user", "dana");
        var verify = await Run("audit", "verify", "--checkpoint", FileIn("new.cp"));
        var backup = await Run("backup", "--out", FileIn("backup.db"));

        Assert.Equal([0, 0, 0, 0, 0, 0, 0], new[] { key.Exit, old.Exit, current.Exit, prove.Exit, consistency.Exit, erase.Exit, verify.Exit });
        Assert.Contains("exportkit.sample/audit+", key.Output, StringComparison.Ordinal);
        Assert.StartsWith("exportkit.sample/audit\n5\n", await File.ReadAllTextAsync(FileIn("old.cp")), StringComparison.Ordinal);
        Assert.Contains("\"index\":1", await File.ReadAllTextAsync(FileIn("proof.json")), StringComparison.Ordinal);
        Assert.Contains("Erased the personal data of 2 event(s)", erase.Output, StringComparison.Ordinal);
        Assert.Contains("11 events checked, 2 redacted", verify.Output, StringComparison.Ordinal);
        Assert.Equal(11L, Sample.Scalar("SELECT count(*) FROM audit_leaves;"));
        Assert.Equal(await File.ReadAllTextAsync(FileIn("new.cp")), await File.ReadAllTextAsync(FileIn("sample-postgres.checkpoint")));
        Assert.True(File.Exists(FileIn("sample-postgres.signing-key")));
        Assert.False(File.Exists(db), "--postgres must not create the SQLite file");

        Assert.Equal(1, backup.Exit);
        Assert.Contains("pg_dump", backup.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(FileIn("backup.db")));
    }

    [PostgresFact]
    public async Task Pruning_runs_on_PostgreSQL_and_what_remains_verifies()
    {
        string FileIn(string name) => Path.Combine(Sample.Directory, name);
        Task<(int Exit, string Output, string Error)> Run(params string[] args) => Sample.RunAsync([.. args, "--db", FileIn("sample.db")]);

        await Run("--now", SampleRun.Now); // events 1-5
        await Run("--now", "2026-03-02T12:00:00Z"); // events 6-10
        await Run("audit", "checkpoint", "--out", FileIn("cp"));

        var prune = await Run("audit", "prune", "--before", "2026-03-02T00:00:00Z", "--now", "2026-03-03T00:00:00Z");
        var verify = await Run("audit", "verify", "--checkpoint", FileIn("cp"));

        Assert.Equal([0, 0], new[] { prune.Exit, verify.Exit });
        Assert.Contains("Pruned 5 event(s) recorded before 2026-03-02T00:00:00.0000000+00:00", prune.Output, StringComparison.Ordinal);
        Assert.Contains("5 pruned by retention", verify.Output, StringComparison.Ordinal);
        Assert.Equal(5L, Sample.Scalar("SELECT max(cut) FROM audit_retention;"));
        Assert.Equal(6L, Sample.Scalar("SELECT min(sequence) FROM audit_events;"));
    }

    [Fact]
    public async Task An_empty_postgres_option_is_one_line_naming_the_fix()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SampleApp.RunAsync(["stats", "--postgres", " "], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("--postgres is empty: give an Npgsql connection string", error.ToString(), StringComparison.Ordinal);
    }
}

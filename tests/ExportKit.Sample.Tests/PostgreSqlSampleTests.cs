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

using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ExportKit.Sample.Tests;

/// <summary>Issue 11, the sample: <c>jobs create | status | list | download | cancel | cleanup</c> and <c>worker --until-idle</c>.</summary>
public sealed partial class JobCommandTests : IDisposable
{
    private readonly SampleRun run = new();

    [Fact]
    public async Task An_audit_job_is_created_drained_and_downloaded_with_the_sha256_its_status_shows()
    {
        await run.RunAsync("--now", SampleRun.Now); // a tour, so the trail has events to export

        var created = await run.RunAsync("jobs", "create", "--audit", "--severity", "info");
        var id = LastLine(created.Output);
        var queued = await run.RunAsync("jobs", "status", id);
        var worker = await run.RunAsync("worker", "--until-idle");
        var status = await run.RunAsync("jobs", "status", id);
        var list = await run.RunAsync("jobs", "list", "--limit", "1");
        var file = Path.Combine(run.Directory, "downloaded", "audit.csv");
        var download = await run.RunAsync("jobs", "download", id, "--out", file);

        Assert.Equal((0, 0, 0, 0, 0, 0), (created.Exit, queued.Exit, worker.Exit, status.Exit, list.Exit, download.Exit));
        Assert.Matches("^job_[0-9a-f]{32}$", id);
        Assert.Contains("audit.export.requested", created.Output, StringComparison.Ordinal);
        Assert.Contains("Status:     queued", queued.Output, StringComparison.Ordinal);
        Assert.Contains($"{id}: success (attempt 1, tenant acme)", worker.Output, StringComparison.Ordinal);
        Assert.Contains("Idle: 1 job(s) run", worker.Output, StringComparison.Ordinal);
        Assert.Contains("Status:     success", status.Output, StringComparison.Ordinal);
        Assert.Contains("Attempts:   1", status.Output, StringComparison.Ordinal);
        Assert.Contains($"  {id}  audit-csv  success", list.Output, StringComparison.Ordinal);
        var sha256 = Sha256Of(status.Output);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
        Assert.Contains($"Wrote {file}: ", download.Output, StringComparison.Ordinal);
        Assert.Contains($"SHA-256 {sha256}", download.Output, StringComparison.Ordinal);
        Assert.StartsWith("ID,Timestamp,Event Type,", (await File.ReadAllLinesAsync(file))[0], StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task A_bundle_job_takes_the_options_of_export_and_downloads_into_the_out_folder()
    {
        var created = await run.RunAsync("jobs", "create", "--category", "compliance-pack", "--format", "csv", "--tenant", "acme", "--user", "dana", "--role", "auditor", "--role", "admin");
        var id = LastLine(created.Output);
        await run.RunAsync("worker", "--until-idle");
        var status = await run.RunAsync("jobs", "status", id);
        var download = await run.RunAsync("jobs", "download", id);

        Assert.Equal((0, 0, 0), (created.Exit, status.Exit, download.Exit));
        Assert.Contains("Policy:   allowed", created.Output, StringComparison.Ordinal);
        Assert.Contains("Kind:       bundle", status.Output, StringComparison.Ordinal);
        Assert.Contains("Export:     exp_", status.Output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(run.Out));
        Assert.EndsWith($"_{id}.csv", file, StringComparison.Ordinal);
        Assert.Equal(Sha256Of(status.Output), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
    }

    [Fact]
    public async Task A_denied_bundle_job_exits_2_with_its_violations_and_makes_no_job()
    {
        var denied = await run.RunAsync("jobs", "create", "--category", "audit-findings", "--tenant", "globex", "--user-tenant", "acme", "--user", "dana", "--role", "auditor");
        var list = await run.RunAsync("jobs", "list");

        Assert.Equal(2, denied.Exit);
        Assert.Contains("Denied: Export denied by policy, no job was created", denied.Error, StringComparison.Ordinal);
        Assert.Contains("  - Cross-tenant export access denied", denied.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("job_", denied.Output, StringComparison.Ordinal);
        Assert.Contains("0 job(s) of acme", list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create", "--audit")]
    [InlineData("status", "JOB")]
    [InlineData("list")]
    [InlineData("download", "JOB")]
    [InlineData("cancel", "JOB")]
    public async Task A_member_gets_admin_role_required_and_exit_2(params string[] command)
    {
        var id = LastLine((await run.RunAsync("jobs", "create", "--audit")).Output);

        var member = await run.RunAsync(["jobs", .. command.Select(a => a == "JOB" ? id : a), "--role", "member", "--user", "kim"]);

        Assert.Equal(2, member.Exit);
        Assert.StartsWith("Denied: Admin role required: user kim lacks the audit:export:", member.Error, StringComparison.Ordinal);
        Assert.Equal("queued", StatusOf((await run.RunAsync("jobs", "status", id)).Output));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("download")]
    [InlineData("cancel")]
    public async Task An_unknown_job_id_or_another_tenants_job_exits_1_saying_so(string command)
    {
        var id = LastLine((await run.RunAsync("jobs", "create", "--audit")).Output);

        var unknown = await run.RunAsync("jobs", command, "job_nope");
        var foreign = await run.RunAsync("jobs", command, id, "--tenant", "globex");

        Assert.Equal((1, 1), (unknown.Exit, foreign.Exit));
        Assert.Equal("Error (not-found): Tenant acme has no export job job_nope: check the id (ListAsync shows the tenant's jobs). (`jobs list` lists them.)", unknown.Error.Trim());
        Assert.Contains($"Tenant globex has no export job {id}", foreign.Error, StringComparison.Ordinal);
        Assert.Equal("queued", StatusOf((await run.RunAsync("jobs", "status", id)).Output));
    }

    [Fact]
    public async Task A_cancelled_job_is_not_run_and_has_nothing_to_download()
    {
        var id = LastLine((await run.RunAsync("jobs", "create", "--audit")).Output);

        var cancel = await run.RunAsync("jobs", "cancel", id);
        var worker = await run.RunAsync("worker", "--until-idle");
        var again = await run.RunAsync("jobs", "cancel", id);
        var download = await run.RunAsync("jobs", "download", id);

        Assert.Equal((0, 0, 0, 1), (cancel.Exit, worker.Exit, again.Exit, download.Exit));
        Assert.Contains($"{id}: cancelled.", cancel.Output, StringComparison.Ordinal);
        Assert.Contains("Idle: 0 job(s) run", worker.Output, StringComparison.Ordinal);
        Assert.Contains("Error (not-ready):", download.Error, StringComparison.Ordinal);
        Assert.Equal("cancelled", StatusOf((await run.RunAsync("jobs", "status", id)).Output));
        Assert.False(Directory.Exists(run.Out) && Directory.EnumerateFiles(run.Out).Any());
    }

    [Fact]
    public async Task Cleanup_at_a_later_clock_removes_the_expired_file_and_keeps_the_record()
    {
        var id = LastLine((await run.RunAsync("jobs", "create", "--audit")).Output);
        await run.RunAsync("worker", "--until-idle");
        var file = Assert.Single(Directory.GetFiles(run.Jobs));

        var early = await run.RunAsync("jobs", "cleanup");
        var late = await run.RunAsync("jobs", "cleanup", "--now", "2099-01-01T00:00:00Z");
        var twice = await run.RunAsync("jobs", "cleanup", "--now", "2099-01-01T00:00:00Z");
        var download = await run.RunAsync("jobs", "download", id);

        Assert.Contains("0 expired job file(s) removed", early.Output, StringComparison.Ordinal);
        Assert.Contains("1 expired job file(s) removed", late.Output, StringComparison.Ordinal);
        Assert.Contains("0 expired job file(s) removed", twice.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.Equal("expired", StatusOf((await run.RunAsync("jobs", "status", id)).Output));
        Assert.Equal(1, download.Exit);
        Assert.Contains("Error (expired):", download.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "create" }, "Give --category (and --format) for a bundle job, or --audit")]
    [InlineData(new[] { "create", "--audit", "--category", "alert-logs" }, "--category is for a bundle job")]
    [InlineData(new[] { "create", "--category", "alert-logs", "--severity", "info" }, "add --audit")]
    [InlineData(new[] { "create", "--audit", "--severity", "loud" }, "severity 'loud' is unknown")]
    [InlineData(new[] { "list", "--limit", "0" }, "Error: ")]
    public async Task Bad_input_exits_1_with_one_line_and_makes_no_job(string[] command, string message)
    {
        var bad = await run.RunAsync(["jobs", .. command]);
        var list = await run.RunAsync("jobs", "list");

        Assert.Equal(1, bad.Exit);
        Assert.Contains(message, bad.Error, StringComparison.Ordinal);
        Assert.Single(bad.Error.Trim().Split('\n'));
        Assert.Contains("0 job(s) of acme", list.Output, StringComparison.Ordinal);
    }

    public void Dispose() => run.Dispose();

    internal static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].Trim();

    internal static string StatusOf(string statusOutput) => StatusLine().Match(statusOutput).Groups[1].Value;

    internal static string Sha256Of(string statusOutput) => ShaLine().Match(statusOutput).Groups[1].Value;

    [GeneratedRegex(@"Status:\s+(\w+)")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"SHA-256:\s+([0-9a-f]{64})")]
    private static partial Regex ShaLine();
}

using System.Security.Cryptography;

namespace ExportKit.Sample.Tests;

public sealed class SampleCommandTests : IDisposable
{
    private static readonly string[] Auditor = ["export", "--category", "compliance-pack", "--format", "json", "--tenant", "acme", "--user", "dana", "--role", "auditor", "--now", SampleRun.Now];

    private readonly SampleRun run = new();

    [Fact]
    public async Task Export_writes_the_file_and_prints_its_path_and_sha256()
    {
        var (exit, output, error) = await run.RunAsync(Auditor);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("Policy:   allowed", output, StringComparison.Ordinal);
        Assert.Contains("sla-compliance", output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(run.Out));
        Assert.Contains($"File:     {file}", output, StringComparison.Ordinal);
        var sha = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file))).ToLowerInvariant();
        Assert.Contains($"SHA-256:  {sha}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_with_a_fixed_clock_give_identical_files()
    {
        var first = await run.RunAsync(Auditor);
        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(run.Out)));
        Directory.Delete(run.Out, recursive: true);

        var second = await run.RunAsync(Auditor);

        Assert.Equal(first.Output, second.Output);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(run.Out))));
    }

    [Fact]
    public async Task A_denied_export_exits_2_and_lists_the_violations()
    {
        var (exit, _, error) = await run.RunAsync("export", "--category", "executive-summary", "--tenant", "globex", "--user", "sam", "--user-tenant", "acme", "--now", SampleRun.Now);

        Assert.Equal(2, exit);
        Assert.Contains("violation: Cross-tenant export access denied", error, StringComparison.Ordinal);
        Assert.Contains("violation: Executive-level exports require executive permissions", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Out) && Directory.EnumerateFileSystemEntries(run.Out).Any());
    }

    [Theory]
    [InlineData("--format", "pdf", "Unknown format 'pdf'")]
    [InlineData("--from", "yesterday", "--from 'yesterday' is not a date")]
    [InlineData("--category", "Payroll!", "not a valid category identifier")]
    public async Task Bad_input_exits_1_with_a_clear_message(string option, string value, string message)
    {
        var args = Auditor.ToList();
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value, "--to", "2026-03-01"]);
        }

        var (exit, _, error) = await run.RunAsync([.. args]);

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_exits_1()
    {
        var (exit, _, error) = await run.RunAsync([.. Auditor, "--from", "2026-02-01", "--to", "2026-01-01"]);

        Assert.Equal(1, exit);
        Assert.Contains("give an end after the start", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_and_history_read_what_earlier_runs_logged()
    {
        await run.RunAsync(Auditor);
        await run.RunAsync("export", "--category", "alert-logs", "--tenant", "globex", "--user", "kim", "--now", SampleRun.Now);

        var stats = await run.RunAsync("stats", "--now", SampleRun.Now);
        var history = await run.RunAsync("history", "--now", SampleRun.Now);

        Assert.Equal(0, stats.Exit);
        Assert.Contains("Total exports          2", stats.Output, StringComparison.Ordinal);
        Assert.Contains("acme 1, globex 1", stats.Output, StringComparison.Ordinal);
        Assert.Equal(0, history.Exit);
        var lines = history.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Database: " + run.Database, lines[0], StringComparison.Ordinal);
        Assert.Contains("alert-logs", lines[2], StringComparison.Ordinal);
        Assert.Contains("compliance-pack", lines[3], StringComparison.Ordinal);
        Assert.Matches(@" exp_\S+  bnd_\S+\s*$", lines[2]);
    }

    [Fact]
    public async Task The_tour_exports_is_denied_once_and_prints_statistics()
    {
        var (exit, output, _) = await run.RunAsync("--now", SampleRun.Now);

        Assert.Equal(0, exit);
        Assert.Contains("Policy:   denied (Cross-tenant export access denied)", output, StringComparison.Ordinal);
        Assert.Contains("Total exports          1", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(run.Out, "exp_*.json"));
        Assert.Single(Directory.GetFiles(run.Out, "acme_*_job_*.csv")); // the audit CSV job's download (step 4)
        Assert.Equal(2, Directory.GetFiles(run.Out).Length);
    }

    [Fact]
    public async Task An_auditor_package_verifies_and_a_tampered_one_exits_1()
    {
        var export = await run.RunAsync("export", "--category", "compliance-pack", "--format", "auditor-package", "--tenant", "acme", "--user", "dana", "--role", "auditor", "--permission", "export:bundle-formats", "--now", SampleRun.Now);
        Assert.Equal(0, export.Exit);
        var package = Assert.Single(Directory.GetFiles(run.Out));

        var valid = await run.RunAsync("verify", package);
        var extracted = Path.Combine(run.Directory, "extracted");
        System.IO.Compression.ZipFile.ExtractToDirectory(package, extracted);
        var bag = Assert.Single(Directory.GetDirectories(extracted));
        var findings = Path.Combine(bag, "data", "audit-findings", "findings.csv");
        await File.AppendAllTextAsync(findings, "tampered\r\n");
        var tampered = await run.RunAsync("verify", bag);

        Assert.Equal(0, valid.Exit);
        Assert.Contains("Valid BagIt bag", valid.Output, StringComparison.Ordinal);
        Assert.Equal(1, tampered.Exit);
        Assert.Contains("data/audit-findings/findings.csv", tampered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_a_truncated_or_symlink_carrying_package_exits_1_with_one_line_per_problem_and_no_stack_trace()
    {
        var export = await run.RunAsync("export", "--category", "compliance-pack", "--format", "auditor-package", "--tenant", "acme", "--user", "dana", "--role", "auditor", "--permission", "export:bundle-formats", "--now", SampleRun.Now);
        Assert.Equal(0, export.Exit);
        var package = Assert.Single(Directory.GetFiles(run.Out));
        var bytes = await File.ReadAllBytesAsync(package);
        var truncated = Path.Combine(run.Directory, "truncated.zip");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var linked = Path.Combine(run.Directory, "linked.zip");
        await File.WriteAllBytesAsync(linked, bytes);
        using (var archive = System.IO.Compression.ZipFile.Open(linked, System.IO.Compression.ZipArchiveMode.Update))
        {
            var top = archive.Entries[0].FullName.Split('/')[0];
            var link = archive.CreateEntry(top + "/data/passwd");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            await using var stream = link.Open();
            await stream.WriteAsync("/etc/passwd"u8.ToArray());
        }

        foreach (var (file, expected) in new[] { (truncated, "not a ZIP archive"), (linked, "LinkOrSpecialFile data/passwd: ") })
        {
            var (exit, output, error) = await run.RunAsync("verify", file);

            Assert.Equal(1, exit);
            Assert.Contains(expected, output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
            Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.StartsWith("  ", line, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("zip")]
    public async Task Export_takes_the_other_formats(string format)
    {
        var (exit, output, _) = await run.RunAsync("export", "--category", "alert-logs", "--format", format, "--tenant", "acme", "--user", "dana", "--permission", "export:bundle-formats", "--now", SampleRun.Now);

        Assert.Equal(0, exit);
        Assert.EndsWith("." + format, Assert.Single(Directory.GetFiles(run.Out)), StringComparison.Ordinal);
        Assert.Contains("SHA-256:", output, StringComparison.Ordinal);
    }

    public void Dispose() => run.Dispose();
}

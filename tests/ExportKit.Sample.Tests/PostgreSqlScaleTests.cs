using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ExportKit.Sample.Tests;

/// <summary>
/// Issue 12, item 7, with separate OS processes on one PostgreSQL database: four processes queue 1,000 jobs at once (each
/// request an audit event, so four processes append to one chain), then four workers drain the queue while one of them
/// is killed mid-job. Every job ends exactly once, and the chain has no gap, no fork and verifies.
/// </summary>
public sealed partial class PostgreSqlScaleTests : IDisposable
{
    private const int Creators = 4, JobsPerCreator = 250, AuditJobs = Creators * JobsPerCreator;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly PostgresSample? sample = PostgresSample.SkipReason is null ? new PostgresSample() : null;

    private PostgresSample Sample => sample!;

    public void Dispose() => sample?.Dispose();

    [PostgresFact]
    public async Task Four_worker_processes_drain_1000_jobs_while_one_is_killed_mid_job_each_job_ends_once_and_the_chain_verifies()
    {
        // The oldest job is a bundle whose sources stall in the first worker: it is surely mid-job when killed.
        var bundle = JobCommandTests.LastLine((await Sample.RunAsync("jobs", "create", "--category", "alert-logs", "--tenant", "acme", "--user", "lee")).Output);

        // Four processes queue small audit CSV jobs (no event matches their filter) side by side, each request audited.
        var creating = new StringBuilder();
        var creators = Enumerable.Range(0, Creators).Select(_ => Sample.Start(creating, "jobs", "create", "--audit", "--event-type", "no.such.event", "--repeat", JobsPerCreator.ToString(CultureInfo.InvariantCulture))).ToArray();
        foreach (var creator in creators)
        {
            await WaitForExitAsync(creator);
            if (creator.ExitCode != 0)
            {
                // The other creators may still be writing to it: read it under their lock.
                lock (creating)
                {
                    Assert.Fail(creating.ToString());
                }
            }
        }

        var events = Sample.Scalar("SELECT count(*) FROM audit_events;");
        Assert.True(events >= AuditJobs, $"{events} audit events for {AuditJobs} requests");
        Assert.Equal(events, Sample.Scalar("SELECT max(sequence) FROM audit_events;"));
        Assert.Equal(0L, Sample.Scalar("SELECT count(*) FROM audit_events e JOIN audit_events p ON p.sequence = e.sequence - 1 WHERE e.previous_hash <> p.hash;"));

        var killedOutput = new StringBuilder();
        var killed = Sample.Start(killedOutput, "worker", "--lease-seconds", "2", "--job-delay", "600");
        await PollAsync(() => Sample.Scalar($"SELECT count(*) FROM export_jobs WHERE id = '{bundle}' AND status = 'processing' AND lease_owner LIKE '%:{killed.Id}:%';") == 1, killedOutput);

        var drainOutput = new StringBuilder();
        var workers = Enumerable.Range(0, 3).Select(_ => Sample.Start(drainOutput, "worker", "--lease-seconds", "2", "--concurrency", "2")).ToArray();
        await PollAsync(() => Sample.Scalar("SELECT count(*) FROM export_jobs WHERE status = 'success';") >= 100, drainOutput);
        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync();
        await PollAsync(() => Sample.Scalar("SELECT count(*) FROM export_jobs WHERE status = 'success';") == AuditJobs + 1, drainOutput);
        foreach (var worker in workers)
        {
            using var term = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            await WaitForExitAsync(worker);
        }

        // Exactly once: each job reported ended by one worker, once; one file each; the killed one's bundle taken over.
        var ended = SuccessLine().Matches(drainOutput.ToString()).Select(m => m.Groups["id"].Value).ToList();
        Assert.Equal(AuditJobs + 1, ended.Count);
        Assert.Equal(AuditJobs + 1, ended.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(": success", killedOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(2L, Sample.Scalar($"SELECT attempts FROM export_jobs WHERE id = '{bundle}';"));
        Assert.Equal(0L, Sample.Scalar("SELECT count(*) FROM export_jobs WHERE status <> 'success' OR lease_owner IS NOT NULL;"));
        Assert.Equal(AuditJobs + 1, Directory.GetFiles(Sample.Jobs).Count(f => !Path.GetFileName(f).StartsWith('.')));

        var verify = await Sample.RunAsync("audit", "verify");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"The audit chain holds: {Sample.Scalar("SELECT count(*) FROM audit_events;")} events checked."), verify.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<id>job_[0-9a-f]+): success \(attempt", RegexOptions.Multiline)]
    private static partial Regex SuccessLine();

    private static async Task WaitForExitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
    }

    private static async Task PollAsync(Func<bool> done, StringBuilder output)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed >= Patience)
            {
                // The workers' output threads append under this lock; read it under the same lock, and only to fail.
                lock (output)
                {
                    Assert.Fail($"Still waiting after {clock.Elapsed}: {output}");
                }
            }

            await Task.Delay(100);
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Sample.Tests;

/// <summary>
/// Issue 11, item 7: a worker process killed mid-job on a shared SQLite file, and the job finished by another worker
/// once the dead one's lease ran out — exactly once, with one file whose SHA-256 the download checks.
/// </summary>
public sealed class JobWorkerProcessTests : IDisposable
{
    // Generous: two cores shared with other builds and tests. Every wait polls and returns as soon as it can.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly SampleRun run = new();

    [Fact]
    public async Task A_worker_process_killed_mid_job_loses_it_to_another_worker_and_the_job_succeeds_once()
    {
        var id = JobCommandTests.LastLine((await run.RunAsync("jobs", "create", "--category", "compliance-pack")).Output);

        // The first worker is a separate OS process whose data sources stall (as a remote database under load would),
        // so it is surely mid-job when it dies; a short lease lets the second worker take the job over soon after.
        var killed = new StringBuilder();
        using (var worker = StartWorker(killed, "worker", "--lease-seconds", "2", "--job-delay", "120"))
        {
            try
            {
                var processing = await PollAsync(async () =>
                {
                    Assert.False(worker.HasExited, "The worker process exited early: " + killed);
                    var status = await run.RunAsync("jobs", "status", id);
                    return JobCommandTests.StatusOf(status.Output) == "processing" ? status.Output : null;
                });
                Assert.Contains("Attempts:   1", processing, StringComparison.Ordinal);
                Assert.Contains($"Lease:      {Environment.MachineName}:{worker.Id}:", processing, StringComparison.Ordinal);
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }
        }

        // A worker of this process finds nothing due until the dead worker's lease runs out, then takes the job over.
        var drained = await PollAsync(async () =>
        {
            var worker = await run.RunAsync("worker", "--until-idle", "--lease-seconds", "2");
            Assert.Equal(0, worker.Exit);
            return worker.Output.Contains($"{id}: ", StringComparison.Ordinal) ? worker.Output : null;
        });
        var status = await run.RunAsync("jobs", "status", id);
        var file = Path.Combine(run.Directory, "job.json");
        var download = await run.RunAsync("jobs", "download", id, "--out", file);

        Assert.Contains($"{id}: success (attempt 2, tenant acme)", drained, StringComparison.Ordinal);
        Assert.DoesNotContain(" success ", killed.ToString(), StringComparison.Ordinal);
        Assert.Equal("success", JobCommandTests.StatusOf(status.Output));
        Assert.Contains("Attempts:   2", status.Output, StringComparison.Ordinal);
        Assert.Equal(0, download.Exit);
        var sha256 = JobCommandTests.Sha256Of(status.Output);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));

        // One result: the job's file. The dead worker's partial file, if it left one, is hidden and never the result.
        var jobFile = Assert.Single(Directory.GetFiles(run.Jobs), f => !Path.GetFileName(f).StartsWith('.'));
        Assert.EndsWith($"_{id}.json", jobFile, StringComparison.Ordinal);
        Assert.Contains($"File:       {Path.GetFileName(jobFile)} ", status.Output, StringComparison.Ordinal);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(jobFile))));
    }

    [Fact]
    public async Task A_worker_process_stopped_with_sigterm_hands_its_job_back_at_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No SIGTERM to send; Ctrl+C takes the same path.
        }

        var id = JobCommandTests.LastLine((await run.RunAsync("jobs", "create", "--category", "compliance-pack")).Output);
        var output = new StringBuilder();
        using var worker = StartWorker(output, "worker", "--job-delay", "120");
        try
        {
            await PollAsync(async () => JobCommandTests.StatusOf((await run.RunAsync("jobs", "status", id)).Output) == "processing" ? string.Empty : null);
            using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var exited = new CancellationTokenSource(Patience);
            await worker.WaitForExitAsync(exited.Token);
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
            }
        }

        var status = await run.RunAsync("jobs", "status", id);

        Assert.Equal(0, worker.ExitCode);
        Assert.Contains($"{id}: handed back to the queue (attempt 1, tenant acme)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Stopped: running jobs were handed back to the queue.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("queued", JobCommandTests.StatusOf(status.Output)); // claimable now, not after a 2-minute lease
        Assert.DoesNotContain("Lease:", status.Output, StringComparison.Ordinal);
    }

    public void Dispose() => run.Dispose();

    private Process StartWorker(StringBuilder output, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SampleDll());
        foreach (var arg in (string[])[.. args, "--db", run.Database])
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    // The sample is referenced by this project, so its dll and runtime config are copied beside the tests; else its own build output.
    internal static string SampleDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "ExportKit.Sample.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "ExportKit.Sample.runtimeconfig.json")))
        {
            return beside;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ExportKit.sln")))
        {
            root = root.Parent;
        }

        var built = root is null ? null : Directory.GetFiles(Path.Combine(root.FullName, "samples", "ExportKit.Sample", "bin"), "ExportKit.Sample.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
        return built ?? throw new FileNotFoundException($"ExportKit.Sample.dll is neither beside the tests ({AppContext.BaseDirectory}) nor under samples/ExportKit.Sample/bin: build the sample.");
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(clock.Elapsed < Patience, $"Still waiting after {clock.Elapsed}.");
            await Task.Delay(200);
        }
    }
}

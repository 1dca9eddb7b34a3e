using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ExportKit.Jobs;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExportKit.Sample.Commands;

/// <summary>
/// <c>worker</c>: runs export jobs from the sample's database — the hosted worker until Ctrl+C (which hands running jobs
/// back), or with <c>--until-idle</c> the due jobs and then exits. Prints each job it ends. Several workers, in as many
/// processes, may share one database and job folder: a job is held under a lease, and one whose worker died is taken
/// over once its lease runs out.
/// </summary>
internal static class WorkerCommand
{
    private static readonly Option<bool> UntilIdle = new("--until-idle") { Description = "Run the jobs that are due, then exit (instead of running until Ctrl+C)." };
    private static readonly Option<int> Concurrency = new("--concurrency") { Description = "Jobs run at once, 1 to 64.", DefaultValueFactory = _ => 1 };
    private static readonly Option<double?> LeaseSeconds = new("--lease-seconds") { Description = "How long a claim holds without a heartbeat (default 120); a killed worker's job is taken over once it runs out." };

    // For tests only: a job slow enough to kill its worker mid-run. Every demo data source waits this long before its
    // first record, as a remote database under load would.
    private static readonly Option<double> JobDelay = new("--job-delay") { Description = "Seconds every data source waits before its first record.", Hidden = true };

    public static Command Create()
    {
        var command = new Command("worker", "Run export jobs until Ctrl+C, or with --until-idle the due ones and exit; prints each job it ends.")
        {
            UntilIdle, Concurrency, LeaseSeconds, JobDelay,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken invocationToken)
    {
        // Ctrl+C (SIGINT) and a service manager's stop (SIGTERM) both stop the worker gracefully: running jobs are handed
        // back to the queue instead of waiting out their lease. A kill (SIGKILL) cannot be caught; the lease covers it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stopping));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stopping));
        var cancellationToken = stopping.Token;
        var output = parse.InvocationConfiguration.Output;
        var gate = new Lock();
        var untilIdle = parse.GetValue(UntilIdle);
        var jobs = new SampleJobs(SampleOptions.Jobs(parse))
        {
            Concurrency = parse.GetValue(Concurrency),
            Lease = parse.GetValue(LeaseSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            SourceDelay = TimeSpan.FromSeconds(parse.GetValue(JobDelay)),
            HostedWorker = !untilIdle,
            OnJobEnded = line => Say(output, gate, line),
        };
        using var services = SampleHost.Create(StatsCommand.Clock(parse), null, SampleOptions.Storage(parse), jobs);
        ExportJobOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<ExportJobOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("Error: " + string.Join(" ", ex.Failures));
            return 1;
        }

        Say(output, gate, string.Create(CultureInfo.InvariantCulture, $"Worker {Environment.ProcessId}: {options.Concurrency} slot(s), lease {options.LeaseDuration.TotalSeconds:0.###} s, job files in {options.StorageDirectory}"));

        if (untilIdle)
        {
            int ran;
            try
            {
                ran = await services.GetRequiredService<IExportJobProcessor>().DrainAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                ran = -1;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Stopped before the queue was drained: running jobs were handed back to the queue.");
                return 1;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Idle: {ran} job(s) run; none is due (a job held by another worker waits for its lease to run out)."));
            return 0;
        }

        var hosted = services.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(cancellationToken);
        }

        Say(output, gate, "Running until Ctrl+C; it also removes expired files on a schedule.");

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop below, handing running jobs back.
        }

        foreach (var service in hosted.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await output.WriteLineAsync("Stopped: running jobs were handed back to the queue.");
        return 0;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stopping)
    {
        context.Cancel = true;
        stopping.Cancel();
    }

    // Worker slots report from several threads; each line is written whole and flushed at once, so a process reading
    // the worker's output (or a test about to kill it) sees it.
    private static void Say(TextWriter output, Lock gate, string line)
    {
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}

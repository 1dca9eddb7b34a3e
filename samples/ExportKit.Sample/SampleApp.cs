using System.CommandLine;
using ExportKit.Sample.Commands;

namespace ExportKit.Sample;

/// <summary>The sample's command line: no arguments runs the tour; <c>export</c>, <c>stats</c>, <c>history</c>, <c>verify</c>, <c>audit</c>, <c>jobs</c> and <c>worker</c> do one thing each.</summary>
internal static class SampleApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ExportKit sample host: policy-checked, logged, deterministic exports of a demo data set (tenants acme and globex).")
        {
            SampleOptions.Database,
            SampleOptions.Postgres,
            SampleOptions.Now,
            SampleOptions.JobsDirectory,
            SampleOptions.Out,
        };
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        var verify = VerifyCommand.Create();
        root.Subcommands.Add(verify);
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(JobCommands.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        foreach (var command in BackupCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        root.SetAction((parse, token) => TourCommand.RunAsync(output, error, StatsCommand.Clock(parse), SampleOptions.Storage(parse), parse.GetValue(SampleOptions.Out)!, SampleOptions.Jobs(parse), token));

        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 && parse.CommandResult.Command != verify && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            // The sample names its database on start: history, statistics and the audit trail live there across runs.
            // (verify reads a package, not the database.)
            try
            {
                await output.WriteLineAsync($"Database: {SampleOptions.Storage(parse).Describe()}");
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync($"Error: {OneLine(ex)}");
                return 1;
            }
        }

        return await InvokeAsync(parse, output, error, cancellationToken);
    }

    // A sample a newcomer runs must never answer with a stack trace: every error is one line naming what went wrong, exit 1.
    private static async Task<int> InvokeAsync(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled.");
            return 1;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"Error: {OneLine(ex)}");
            return 1;
        }
    }

    private static string OneLine(Exception exception)
    {
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += " (" + inner.Message + ")";
            }
        }

        return message.ReplaceLineEndings(" ");
    }
}

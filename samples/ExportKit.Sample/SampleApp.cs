using System.CommandLine;
using ExportKit.Sample.Commands;

namespace ExportKit.Sample;

/// <summary>The sample's command line: no arguments runs the tour; <c>export</c>, <c>stats</c>, <c>history</c> and <c>verify</c> do one thing each.</summary>
internal static class SampleApp
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ExportKit sample host: policy-checked, logged, deterministic exports of a demo data set (tenants acme and globex).")
        {
            SampleOptions.Log,
            SampleOptions.Now,
            SampleOptions.Out,
        };
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.SetAction((parse, token) => TourCommand.RunAsync(output, error, StatsCommand.Clock(parse), parse.GetValue(SampleOptions.Log)!, parse.GetValue(SampleOptions.Out)!, token));

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}

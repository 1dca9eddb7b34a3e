using System.CommandLine;
using System.Globalization;
using ExportKit.Audit;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary><c>history</c>: the last exports, newest first.</summary>
internal static class HistoryCommand
{
    private static readonly Option<string?> Tenant = new("--tenant") { Description = "Only this tenant's exports." };
    private static readonly Option<int> Take = new("--take") { Description = "How many exports to list (1 to 1000).", DefaultValueFactory = _ => 10 };

    public static Command Create()
    {
        var command = new Command("history", "List the last exports from the log, newest first.") { Tenant, Take };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = SampleHost.Create(StatsCommand.Clock(parse), null, SampleOptions.Storage(parse));
            var store = services.GetRequiredService<IExportLogStore>();
            var output = parse.InvocationConfiguration.Output;
            var take = parse.GetValue(Take);
            if (take is < 1 or > 1000)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Error: --take is {take}; give a number from 1 to 1000.");
                return 1;
            }

            var history = await store.GetHistoryAsync(parse.GetValue(Tenant), take, cancellationToken);
            await output.WriteLineAsync(history.Count == 0 ? "No exports yet: run 'export' first." : "Last exports, newest first:");
            foreach (var entry in history)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {ExportValueText.FormatInstant(entry.Timestamp)}  {entry.TenantId,-8} {entry.Category,-22} {entry.Format,-16} {entry.SectionsGenerated,2} sections {entry.ItemsIncluded,6} items  {entry.ExportId}  {entry.BundleId}"));
            }

            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using ExportKit.Audit;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary><c>stats</c>: the export log's statistics, with 24-hour trends.</summary>
internal static class StatsCommand
{
    private static readonly Option<string?> Tenant = new("--tenant") { Description = "Only this tenant's exports." };

    public static Command Create()
    {
        var command = new Command("stats", "Print export statistics from the log.") { Tenant };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clock = Clock(parse);
            using var services = SampleHost.Create(clock, null, SampleOptions.Storage(parse));
            var store = services.GetRequiredService<IExportLogStore>();
            await PrintAsync(parse.InvocationConfiguration.Output, store, clock.GetUtcNow(), parse.GetValue(Tenant), cancellationToken);
            return 0;
        });
        return command;
    }

    public static async Task PrintAsync(TextWriter output, IExportLogStore store, DateTimeOffset now, string? tenant, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatisticsAsync(now, tenant, cancellationToken);
        var line = (string label, object value) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-22} {value}"));
        await output.WriteLineAsync("Export statistics" + (tenant is null ? string.Empty : $" for {tenant}"));
        line("Total exports", $"{stats.TotalExports} ({stats.Trends.ExportsChange} in 24 h)");
        line("Total downloads", $"{stats.TotalDownloads} ({stats.Trends.DownloadsChange} in 24 h)");
        line("Denied, failed", $"{stats.TotalDenied}, {stats.TotalFailed}");
        line("Data sources", $"{stats.DataSourcesUsed}");
        line("Average size", $"{stats.AverageSizeBytes / 1024:F1} KB");
        line("Average time", $"{stats.AverageGenerationTimeMs:F1} ms");
        line("By tenant", Join(stats.ByTenant));
        line("By format", Join(stats.ByFormat));
        line("By category", Join(stats.ByCategory));
    }

    internal static TimeProvider Clock(ParseResult parse) =>
        SampleOptions.ParseInstant(parse.GetValue(SampleOptions.Now), "--now") is { } now ? new FixedTimeProvider(now) : TimeProvider.System;

    private static string Join(IReadOnlyDictionary<string, long> counts) =>
        counts.Any(c => c.Value > 0) ? string.Join(", ", counts.Where(c => c.Value > 0).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}"))) : "none";
}

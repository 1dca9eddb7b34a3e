using System.Collections.Immutable;

namespace ExportKit.Audit;

/// <summary>Accumulates <see cref="ExportStatistics"/> from a stream of log entries, in memory that does not grow with the log.</summary>
internal sealed class ExportStatisticsCalculator
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly Dictionary<string, long> byCategory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byTenant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byFormat = new(StringComparer.Ordinal);
    private readonly SortedSet<string> dataSources = new(StringComparer.Ordinal);
    private readonly DateTimeOffset lastStart;
    private readonly DateTimeOffset previousStart;
    private readonly DateTimeOffset now;
    private long exports;
    private long downloads;
    private long denied;
    private long failed;
    private long exportsLast;
    private long exportsPrevious;
    private long downloadsLast;
    private long downloadsPrevious;
    private decimal totalGenerationTimeMs;
    private decimal totalSizeBytes;

    public ExportStatisticsCalculator(DateTimeOffset now)
    {
        this.now = now;
        lastStart = now - Day;
        previousStart = now - Day - Day;
        foreach (var category in ExportCategory.BuiltIn)
        {
            byCategory[category.Value] = 0;
        }

        foreach (var format in ExportFormat.BuiltIn)
        {
            byFormat[format.Value] = 0;
        }
    }

    public static async ValueTask<ExportStatistics> ComputeAsync(
        IExportLogStore store, DateTimeOffset now, string? tenantId, CancellationToken cancellationToken)
    {
        var calculator = new ExportStatisticsCalculator(now);
        var filter = tenantId is null ? null : new ExportLogFilter { TenantId = tenantId };
        await foreach (var entry in store.ReadAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            calculator.Add(entry);
        }

        return calculator.ToStatistics();
    }

    public void Add(ExportLogEntry entry)
    {
        switch (entry)
        {
            case ExportGeneratedEntry generated:
                exports++;
                Count(generated.Timestamp, ref exportsLast, ref exportsPrevious);
                Increment(byCategory, generated.Category);
                Increment(byFormat, generated.Format);
                if (generated.TenantId is not null)
                {
                    Increment(byTenant, generated.TenantId);
                }

                totalGenerationTimeMs += generated.GenerationTimeMs;
                totalSizeBytes += generated.SizeBytes;
                dataSources.UnionWith(generated.DataSources);
                break;
            case ExportErrorEntry error when error.ErrorCode == ExportErrorCodes.PolicyDenied:
                denied++;
                break;
            case ExportErrorEntry:
                failed++;
                break;
            case ExportDownloadedEntry downloaded:
                downloads++;
                Count(downloaded.Timestamp, ref downloadsLast, ref downloadsPrevious);
                break;
        }
    }

    public ExportStatistics ToStatistics() => new()
    {
        TotalExports = exports,
        TotalDownloads = downloads,
        TotalDenied = denied,
        TotalFailed = failed,
        DataSources = [.. dataSources],
        ByCategory = Sorted(byCategory),
        ByTenant = Sorted(byTenant),
        ByFormat = Sorted(byFormat),
        AverageGenerationTimeMs = exports == 0 ? 0 : (double)(totalGenerationTimeMs / exports),
        AverageSizeBytes = exports == 0 ? 0 : (double)(totalSizeBytes / exports),
        Trends = new ExportTrends
        {
            ExportsChange = TrendChange.Format(exportsLast, exportsPrevious),
            DownloadsChange = TrendChange.Format(downloadsLast, downloadsPrevious),
        },
    };

    private void Count(DateTimeOffset timestamp, ref long last, ref long previous)
    {
        if (timestamp >= lastStart && timestamp < now)
        {
            last++;
        }
        else if (timestamp >= previousStart && timestamp < lastStart)
        {
            previous++;
        }
    }

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static ImmutableSortedDictionary<string, long> Sorted(Dictionary<string, long> counts) =>
        counts.ToImmutableSortedDictionary(StringComparer.Ordinal);
}

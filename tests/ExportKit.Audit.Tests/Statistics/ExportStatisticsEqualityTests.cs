namespace ExportKit.Audit.Tests.Statistics;

/// <summary>Regression (issue 9, "honest models"): statistics were a record of dictionaries, so two identical ones compared unequal.</summary>
public sealed class ExportStatisticsEqualityTests
{
    [Fact]
    public void Statistics_compare_their_dictionaries_by_entries()
    {
        static ExportStatistics Statistics(long json) => new()
        {
            TotalExports = 3,
            TotalDownloads = 1,
            ByCategory = new Dictionary<string, long> { ["alert-logs"] = 2, ["compliance-pack"] = 1 },
            ByTenant = new Dictionary<string, long> { ["acme"] = 3 },
            ByFormat = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["csv"] = 3 - json, ["json"] = json },
            AverageGenerationTimeMs = 12.5,
            AverageSizeBytes = 1024,
            Trends = new ExportTrends { ExportsChange = "+100.0%", DownloadsChange = "+0.0%" },
        };

        var value = Statistics(2);
        var equal = Statistics(2);

        Assert.Equal(value, equal);
        Assert.True(value == equal);
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        Assert.NotEqual(value, Statistics(1));
        Assert.True(value != Statistics(1));
    }
}

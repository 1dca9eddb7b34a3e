using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Statistics;

public sealed class TrendTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Theory]
    [InlineData(9, 8, "+12.5%")]
    [InlineData(55, 58, "-5.2%")] // -5.172… rounds to one decimal
    [InlineData(237, 250, "-5.2%")] // exactly -5.2
    [InlineData(4, 4, "+0.0%")]
    [InlineData(0, 0, "+0.0%")]
    [InlineData(3, 0, "+100.0%")] // a rise from nothing
    [InlineData(0, 4, "-100.0%")]
    [InlineData(3, 1, "+200.0%")]
    [InlineData(1, 3, "-66.7%")]
    [InlineData(401, 400, "+0.3%")] // 0.25: half away from zero
    [InlineData(399, 400, "-0.3%")]
    [InlineData(2999, 3000, "+0.0%")] // -0.03 rounds to zero, which has no minus sign
    public void Change_is_the_signed_percentage_with_one_decimal(long last, long previous, string expected)
    {
        Assert.Equal(expected, TrendChange.Format(last, previous));
    }

    [Fact]
    public async Task Compares_the_last_24_hours_with_the_24_hours_before()
    {
        var entries = new List<ExportLogEntry>();
        entries.AddRange(Enumerable.Range(0, 9).Select(i => LogEntries.Generated(at: Now.AddHours(-1 - i))));
        entries.AddRange(Enumerable.Range(0, 8).Select(i => LogEntries.Generated(at: Now - Day - TimeSpan.FromHours(1 + i))));
        entries.AddRange(Enumerable.Range(0, 55).Select(i => LogEntries.Downloaded(at: Now.AddMinutes(-1 - i))));
        entries.AddRange(Enumerable.Range(0, 58).Select(i => LogEntries.Downloaded(at: Now - Day - TimeSpan.FromMinutes(1 + i))));
        entries.Add(LogEntries.Generated(at: Now.AddDays(-5))); // older than both windows: counted in totals only
        var store = await LogEntries.StoreWith(entries);

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal("+12.5%", stats.Trends.ExportsChange);
        Assert.Equal("-5.2%", stats.Trends.DownloadsChange);
        Assert.Equal(18, stats.TotalExports);
    }

    [Fact]
    public async Task Exactly_24_hours_ago_is_in_the_last_period()
    {
        var store = await LogEntries.StoreWith([LogEntries.Generated(at: Now - Day), LogEntries.Downloaded(at: Now - Day - TimeSpan.FromTicks(1))]);

        var trends = (await store.GetStatisticsAsync(Now)).Trends;

        Assert.Equal("+100.0%", trends.ExportsChange);
        Assert.Equal("-100.0%", trends.DownloadsChange);
    }

    [Fact]
    public async Task Exactly_48_hours_ago_is_in_the_previous_period_and_earlier_is_in_neither()
    {
        var store = await LogEntries.StoreWith([LogEntries.Generated(at: Now - Day - Day), LogEntries.Downloaded(at: Now - Day - Day - TimeSpan.FromTicks(1))]);

        var trends = (await store.GetStatisticsAsync(Now)).Trends;

        Assert.Equal("-100.0%", trends.ExportsChange);
        Assert.Equal("+0.0%", trends.DownloadsChange);
    }

    [Fact]
    public async Task Now_itself_and_later_are_in_neither_period()
    {
        var store = await LogEntries.StoreWith([LogEntries.Generated(at: Now), LogEntries.Generated(at: Now.AddHours(1))]);

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal("+0.0%", stats.Trends.ExportsChange);
        Assert.Equal(2, stats.TotalExports);
    }

    [Fact]
    public async Task Exports_only_in_the_last_period_rise_by_100_percent()
    {
        var store = await LogEntries.StoreWith(Enumerable.Range(0, 3).Select(i => LogEntries.Generated(at: Now.AddHours(-i - 1))));

        Assert.Equal("+100.0%", (await store.GetStatisticsAsync(Now)).Trends.ExportsChange);
    }

    [Fact]
    public async Task Trends_are_the_same_in_any_culture_and_time_zone()
    {
        var store = await LogEntries.StoreWith([.. Enumerable.Range(0, 9).Select(i => LogEntries.Generated(at: Now.AddHours(-1 - i))),
            .. Enumerable.Range(0, 8).Select(i => LogEntries.Generated(at: Now - Day - TimeSpan.FromHours(1 + i)))]);

        var trends = await CultureAndTimeZone.RunAsync("tr-TR", "Asia/Tokyo", async () => (await store.GetStatisticsAsync(Now)).Trends);
        var arabic = await CultureAndTimeZone.RunAsync("ar-SA", "America/St_Johns", async () => (await store.GetStatisticsAsync(Now)).Trends);

        Assert.Equal("+12.5%", trends.ExportsChange);
        Assert.Equal(trends, arabic);
    }
}

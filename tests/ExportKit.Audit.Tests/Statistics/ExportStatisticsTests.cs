using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Statistics;

public sealed class ExportStatisticsTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;

    private static IReadOnlyList<ExportLogEntry> MixedLog() =>
    [
        LogEntries.Generated(tenant: "acme", category: "compliance-pack", format: "json", sizeBytes: 1000, generationTimeMs: 100),
        LogEntries.Decision(),
        LogEntries.Generated(tenant: "acme", category: "audit-findings", format: "csv", sizeBytes: 3000, generationTimeMs: 300),
        LogEntries.Downloaded(tenant: "acme"),
        LogEntries.Generated(tenant: "globex", category: "site-inventory", format: "parquet", sizeBytes: 5000, generationTimeMs: 200),
        LogEntries.Downloaded(tenant: "globex"),
        LogEntries.Error(),
    ];

    [Fact]
    public async Task Counts_denied_and_failed_attempts_apart_from_exports()
    {
        var store = await LogEntries.StoreWith([
            .. MixedLog(),
            LogEntries.Error() with { ErrorCode = ExportErrorCodes.PolicyDenied, Message = "Export denied by policy" },
            LogEntries.Error() with { ErrorCode = ExportErrorCodes.PolicyDenied, Message = "Export denied by policy" },
            LogEntries.Error() with { ErrorCode = ExportErrorCodes.StorageFailed, Message = "No space left on device" },
        ]);

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal(3, stats.TotalExports);
        Assert.Equal(2, stats.TotalDenied);
        Assert.Equal(2, stats.TotalFailed);
    }

    [Fact]
    public async Task Counts_each_data_source_the_exports_drew_from_once()
    {
        var store = await LogEntries.StoreWith([
            LogEntries.Generated() with { DataSources = ["Phase 52: Alert & Notification Engine", "Phase 50: Audit & Governance Engine"] },
            LogEntries.Generated() with { DataSources = ["Phase 50: Audit & Governance Engine"] },
            LogEntries.Generated(),
        ]);

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal(2, stats.DataSourcesUsed);
        Assert.Equal(["Phase 50: Audit & Governance Engine", "Phase 52: Alert & Notification Engine"], stats.DataSources);
    }

    [Fact]
    public async Task Counts_exports_and_downloads_and_ignores_decisions_and_errors()
    {
        var store = await LogEntries.StoreWith(MixedLog());

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal(3, stats.TotalExports);
        Assert.Equal(2, stats.TotalDownloads);
    }

    [Fact]
    public async Task By_category_lists_all_fourteen_built_in_categories_and_any_other_sorted_ordinally()
    {
        var store = await LogEntries.StoreWith(MixedLog());

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal(15, stats.ByCategory.Count);
        Assert.All(ExportCategory.BuiltIn, c => Assert.True(stats.ByCategory.ContainsKey(c.Value), c.Value));
        Assert.Equal(stats.ByCategory.Keys.Order(StringComparer.Ordinal), stats.ByCategory.Keys);
        Assert.Equal(1, stats.ByCategory["compliance-pack"]);
        Assert.Equal(1, stats.ByCategory["audit-findings"]);
        Assert.Equal(1, stats.ByCategory["site-inventory"]);
        Assert.Equal(0, stats.ByCategory["full-operational"]);
        Assert.Equal(3, stats.ByCategory.Values.Sum());
    }

    [Fact]
    public async Task By_format_lists_all_six_built_in_formats_and_any_other_sorted_ordinally()
    {
        var store = await LogEntries.StoreWith(MixedLog());

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal(["auditor-package", "csv", "html", "json", "markdown", "parquet", "zip"], stats.ByFormat.Keys);
        Assert.Equal([0L, 1, 0, 1, 0, 1, 0], stats.ByFormat.Values);
    }

    [Fact]
    public async Task By_tenant_counts_exports_per_tenant()
    {
        var store = await LogEntries.StoreWith(MixedLog());

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal(["acme", "globex"], stats.ByTenant.Keys);
        Assert.Equal([2L, 1], stats.ByTenant.Values);
    }

    [Fact]
    public async Task Averages_are_over_exports()
    {
        var store = await LogEntries.StoreWith(MixedLog());

        var stats = await store.GetStatisticsAsync(Now);

        Assert.Equal(200, stats.AverageGenerationTimeMs);
        Assert.Equal(3000, stats.AverageSizeBytes);
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_figures()
    {
        var store = await LogEntries.StoreWith(MixedLog());

        var stats = await store.GetStatisticsAsync(Now, tenantId: "acme");

        Assert.Equal(2, stats.TotalExports);
        Assert.Equal(1, stats.TotalDownloads);
        Assert.Equal(["acme"], stats.ByTenant.Keys);
        Assert.False(stats.ByCategory.ContainsKey("site-inventory"));
        Assert.Equal(2000, stats.AverageSizeBytes);
    }

    [Fact]
    public async Task An_empty_log_gives_zeros_with_every_built_in_key()
    {
        var stats = await new InMemoryExportLogStore().GetStatisticsAsync(Now);

        Assert.Equal(0, stats.TotalExports);
        Assert.Equal(0, stats.TotalDownloads);
        Assert.Equal(14, stats.ByCategory.Count);
        Assert.Equal(6, stats.ByFormat.Count);
        Assert.All(stats.ByCategory.Values.Concat(stats.ByFormat.Values), v => Assert.Equal(0, v));
        Assert.Empty(stats.ByTenant);
        Assert.Equal(0, stats.AverageGenerationTimeMs);
        Assert.Equal(0, stats.AverageSizeBytes);
        Assert.Equal(new ExportTrends { ExportsChange = "+0.0%", DownloadsChange = "+0.0%" }, stats.Trends);
    }

    [Fact]
    public async Task Reads_the_log_once()
    {
        var store = new CountingLogStore(await LogEntries.StoreWith(MixedLog()));

        await store.GetStatisticsAsync(Now);

        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task Rejects_a_missing_store_and_a_blank_tenant()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("store", () => ExportLogExtensions.GetStatisticsAsync(null!, Now).AsTask());
        await Assert.ThrowsAsync<ArgumentException>("tenantId", () => new InMemoryExportLogStore().GetStatisticsAsync(Now, " ").AsTask());
    }
}

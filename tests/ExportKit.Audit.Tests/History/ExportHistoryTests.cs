using ExportKit.Testing;

namespace ExportKit.Audit.Tests.History;

public sealed class ExportHistoryTests
{
    private static async Task<InMemoryExportLogStore> StoreWithExports(int count)
    {
        var entries = new List<ExportLogEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(LogEntries.Generated(at: TestClock.Now.AddMinutes(-count + i), bundleId: $"b{i:D2}"));
            entries.Add(LogEntries.Downloaded(at: TestClock.Now.AddMinutes(-count + i)));
            entries.Add(LogEntries.Decision(at: TestClock.Now.AddMinutes(-count + i)));
        }

        return await LogEntries.StoreWith(entries);
    }

    [Fact]
    public async Task Returns_the_last_ten_exports_newest_first_by_default()
    {
        var store = await StoreWithExports(15);

        var history = await store.GetHistoryAsync();

        Assert.Equal(Enumerable.Range(5, 10).Reverse().Select(i => $"b{i:D2}"), history.Select(e => e.BundleId));
    }

    [Fact]
    public async Task Take_limits_the_count_and_a_short_log_returns_all()
    {
        var store = await StoreWithExports(4);

        Assert.Equal(["b03", "b02"], (await store.GetHistoryAsync(take: 2)).Select(e => e.BundleId));
        Assert.Equal(4, (await store.GetHistoryAsync(take: 1000)).Count);
        Assert.Empty(await new InMemoryExportLogStore().GetHistoryAsync());
    }

    [Fact]
    public async Task Orders_by_timestamp_even_when_entries_were_appended_out_of_order()
    {
        var store = await LogEntries.StoreWith(
        [
            LogEntries.Generated(at: TestClock.Now.AddMinutes(-1), bundleId: "newest"),
            LogEntries.Generated(at: TestClock.Now.AddMinutes(-3), bundleId: "oldest"),
            LogEntries.Generated(at: TestClock.Now.AddMinutes(-2), bundleId: "middle"),
        ]);

        Assert.Equal(["newest", "middle"], (await store.GetHistoryAsync(take: 2)).Select(e => e.BundleId));
    }

    [Fact]
    public async Task Lists_only_the_tenant_asked_for()
    {
        var store = await LogEntries.StoreWith(
        [
            LogEntries.Generated(tenant: "acme", bundleId: "a"),
            LogEntries.Generated(tenant: "globex", bundleId: "g"),
        ]);

        Assert.Equal(["g"], (await store.GetHistoryAsync(tenantId: "globex")).Select(e => e.BundleId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task Rejects_a_take_outside_1_to_1000(int take)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(nameof(take), () => new InMemoryExportLogStore().GetHistoryAsync(take: take).AsTask());
        Assert.Contains("between 1 and 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_missing_store()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("store", () => ExportLogExtensions.GetHistoryAsync(null!).AsTask());
    }
}

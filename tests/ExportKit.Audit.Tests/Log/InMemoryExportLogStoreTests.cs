using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Log;

public sealed class InMemoryExportLogStoreTests
{
    [Fact]
    public async Task Reads_entries_back_oldest_first_in_the_order_appended()
    {
        var log = LogEntries.SmallLog();
        var store = await LogEntries.StoreWith(log);

        Assert.Equal(log, await LogEntries.ReadAll(store));
    }

    [Fact]
    public async Task An_empty_store_reads_nothing()
    {
        Assert.Empty(await LogEntries.ReadAll(new InMemoryExportLogStore()));
    }

    [Fact]
    public async Task Reads_only_the_entries_the_filter_matches()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());

        var acme = await LogEntries.ReadAll(store, new ExportLogFilter { TenantId = "acme" });
        var decisions = await LogEntries.ReadAll(store, new ExportLogFilter { EntryType = ExportLogEntryTypes.PolicyDecision });
        var window = await LogEntries.ReadAll(store, new ExportLogFilter { From = TestClock.Now.AddHours(-2), To = TestClock.Now.AddHours(-1) });

        Assert.Equal(3, acme.Count);
        Assert.All(acme, e => Assert.Equal("acme", e.TenantId));
        Assert.Equal(["query_0001", "query_0002"], decisions.Cast<PolicyDecisionEntry>().Select(d => d.QueryId));
        Assert.IsType<ExportDownloadedEntry>(Assert.Single(window));
    }

    [Fact]
    public async Task Concurrent_appends_are_all_kept()
    {
        var store = new InMemoryExportLogStore();
        const int Tasks = 8, PerTask = 500;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerTask; i++)
            {
                await store.AppendAsync(LogEntries.Generated(bundleId: $"t{t}-{i}"));
            }
        })));

        var ids = (await LogEntries.ReadAll(store)).Cast<ExportGeneratedEntry>().Select(e => e.BundleId).ToList();
        Assert.Equal(Tasks * PerTask, ids.Count);
        Assert.Equal(Tasks * PerTask, ids.Distinct().Count());
        for (var t = 0; t < Tasks; t++)
        {
            // Each writer's entries keep their order.
            var own = ids.Where(id => id.StartsWith($"t{t}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, PerTask).Select(i => $"t{t}-{i}"), own);
        }
    }

    [Fact]
    public async Task A_read_is_a_snapshot_so_appending_while_reading_is_safe()
    {
        var store = await LogEntries.StoreWith(Enumerable.Range(0, 3).Select(i => LogEntries.Generated(bundleId: $"b{i}")));

        var seen = 0;
        await foreach (var entry in store.ReadAsync())
        {
            seen++;
            await store.AppendAsync(LogEntries.Generated(bundleId: "late"));
        }

        Assert.Equal(3, seen);
        Assert.Equal(6, (await LogEntries.ReadAll(store)).Count);
    }

    [Fact]
    public async Task Appending_null_throws()
    {
        var store = new InMemoryExportLogStore();

        await Assert.ThrowsAsync<ArgumentNullException>("entry", () => store.AppendAsync(null!).AsTask());
    }

    [Fact]
    public async Task Append_and_read_honour_cancellation()
    {
        var store = await LogEntries.StoreWith([LogEntries.Generated()]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(LogEntries.Generated(), cancelled.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.ReadAsync(cancellationToken: cancelled.Token))
            {
            }
        });
        Assert.Single(await LogEntries.ReadAll(store));
    }
}

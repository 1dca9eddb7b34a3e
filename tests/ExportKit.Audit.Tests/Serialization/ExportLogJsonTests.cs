using System.Text;
using System.Text.Json;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Serialization;

public sealed class ExportLogJsonTests
{
    private static async Task<byte[]> WriteJson(IExportLogStore store, ExportLogFilter? filter = null)
    {
        using var output = new MemoryStream();
        await store.WriteJsonAsync(output, filter);
        return output.ToArray();
    }

    private static string[] PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task Writes_each_entry_in_the_shape_of_its_log_entry_type()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());

        using var json = JsonDocument.Parse(await WriteJson(store));

        var entries = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["policy-decision", "export-generated", "export-downloaded", "policy-decision", "error"], entries.Select(e => e.GetProperty("entryType").GetString()));

        var decision = entries[0];
        Assert.Equal(["entryType", "timestamp", "tenantId", "facilityId", "decision", "userId"], PropertyNames(decision));
        Assert.Equal("2026-03-01T09:00:00.0000000Z", decision.GetProperty("timestamp").GetString());
        Assert.Equal("dana", decision.GetProperty("userId").GetString());
        var body = decision.GetProperty("decision");
        Assert.Equal(["queryId", "scope", "allowed", "reason", "violations", "warnings"], PropertyNames(body));
        Assert.Equal(["tenantId", "facilityId"], PropertyNames(body.GetProperty("scope")));
        Assert.True(body.GetProperty("allowed").GetBoolean());
        Assert.Equal("Export contains data older than 90 days", body.GetProperty("warnings")[0].GetString());

        var export = entries[1];
        Assert.Equal(["entryType", "timestamp", "tenantId", "facilityId", "export", "generatedBy"], PropertyNames(export));
        var exportBody = export.GetProperty("export");
        Assert.Equal(
            ["exportId", "bundleId", "category", "format", "sectionsGenerated", "itemsIncluded", "sizeBytes", "generationTimeMs", "recordsDropped"],
            PropertyNames(exportBody));
        Assert.Equal("compliance-pack", exportBody.GetProperty("category").GetString());
        Assert.Equal(128, exportBody.GetProperty("itemsIncluded").GetInt64());
        Assert.Equal(64_000, exportBody.GetProperty("sizeBytes").GetInt64());

        var download = entries[2];
        Assert.Equal(["entryType", "timestamp", "tenantId", "download", "downloadedBy"], PropertyNames(download));
        Assert.Equal("compliance-pack_bundle-3f9a.csv", download.GetProperty("download").GetProperty("filename").GetString());
        Assert.Equal("auditor-1", download.GetProperty("downloadedBy").GetString());

        var denied = entries[3].GetProperty("decision");
        Assert.False(denied.GetProperty("allowed").GetBoolean());
        Assert.Equal("fed-eu", denied.GetProperty("scope").GetProperty("federationId").GetString());
        Assert.Equal(2, denied.GetProperty("violations").GetArrayLength());

        var error = entries[4];
        Assert.Equal(["entryType", "timestamp", "tenantId", "error", "userId"], PropertyNames(error));
        Assert.Equal(JsonValueKind.Null, error.GetProperty("tenantId").ValueKind);
        Assert.Equal("Source \"drift\" failed: timeout", error.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("System.TimeoutException", error.GetProperty("error").GetProperty("details").GetString());
    }

    [Fact]
    public async Task Matches_the_golden_file()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());

        GoldenFile.Verify(nameof(ExportLogJsonTests), "SmallLog", "json", await WriteJson(store));
    }

    [Fact]
    public async Task Uses_LF_line_endings_and_ends_with_a_newline()
    {
        var text = Encoding.UTF8.GetString(await WriteJson(await LogEntries.StoreWith(LogEntries.SmallLog())));

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("]\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_log_is_an_empty_array()
    {
        Assert.Equal("[]\n", Encoding.UTF8.GetString(await WriteJson(new InMemoryExportLogStore())));
    }

    [Fact]
    public async Task Writes_only_the_entries_the_filter_matches()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());

        using var json = JsonDocument.Parse(await WriteJson(store, new ExportLogFilter { TenantId = "globex" }));

        Assert.Equal("query_0002", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("decision").GetProperty("queryId").GetString());
    }

    [Fact]
    public async Task A_log_larger_than_the_write_buffer_streams_out_whole()
    {
        var store = await LogEntries.StoreWith(Enumerable.Range(0, 3000).Select(i => LogEntries.Generated(bundleId: $"b{i}")));

        using var json = JsonDocument.Parse(await WriteJson(store));

        Assert.Equal(3000, json.RootElement.GetArrayLength());
        Assert.Equal("b2999", json.RootElement[2999].GetProperty("export").GetProperty("bundleId").GetString());
    }

    [Fact]
    public async Task Writes_the_same_bytes_in_any_culture_and_time_zone()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());
        var invariant = await WriteJson(store);

        var turkish = await CultureAndTimeZone.RunAsync("tr-TR", "Asia/Tokyo", () => WriteJson(store));

        Assert.Equal(invariant, turkish);
    }

    [Fact]
    public async Task Rejects_a_missing_or_read_only_destination()
    {
        var store = new InMemoryExportLogStore();
        using var readOnly = new MemoryStream([], writable: false);

        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => store.WriteJsonAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>("destination", () => store.WriteJsonAsync(readOnly).AsTask());
    }
}

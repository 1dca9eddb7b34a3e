using System.Text.Json;

namespace ExportKit.Storage.Sqlite.Tests.Log;

public sealed class SqliteExportLogStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_111_111);

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    public static TheoryData<ExportLogEntry> Entries => new()
    {
        new ExportGeneratedEntry { Timestamp = Start, TenantId = "acme", FacilityId = "fac-1", ExportId = "exp_1", BundleId = "bnd_1", Category = "reports", Format = "json", SectionsGenerated = 1, ItemsIncluded = 2, SizeBytes = 3, GenerationTimeMs = 4, RecordsDropped = 5, GeneratedBy = "u" },
        new ExportDownloadedEntry { Timestamp = Start, TenantId = "acme", BundleId = "bnd_1", Format = "json", FileName = "bnd_1.json", SizeBytes = 3, DownloadedBy = "u" },
        new PolicyDecisionEntry { Timestamp = Start, TenantId = "acme", FederationId = "fed", QueryId = "q", RequestedBy = "u", Decision = new PolicyDecision { Allowed = false, Reason = "r", Violations = ["v1", "v2"], Warnings = ["w"] } },
        new ExportErrorEntry { Timestamp = Start, QueryId = "q", ErrorCode = "cancelled", Message = "m ' \"; DROP TABLE export_log; --", Details = "System.OperationCanceledException", RequestedBy = "anonymous" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Every_kind_of_entry_round_trips_exactly(ExportLogEntry entry)
    {
        var store = new SqliteExportLogStore(database.ConnectionString);

        await store.AppendAsync(entry);
        var back = Assert.Single(await store.ReadAsync().ToListAsync());

        Assert.Equal(entry.GetType(), back.GetType());
        Assert.Equal(JsonSerializer.Serialize(entry, JsonSerializerOptions.Web), JsonSerializer.Serialize(back, JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Entries_are_read_in_the_order_appended_and_filtered_by_every_property()
    {
        var store = new SqliteExportLogStore(database.ConnectionString);
        var entries = new ExportLogEntry[]
        {
            Downloaded("acme", Start.AddHours(2)),
            Downloaded("globex", Start),
            Error("acme", Start.AddHours(1)),
            Downloaded("acme", Start),
            Error(null, Start.AddHours(3)),
        };
        foreach (var entry in entries)
        {
            await store.AppendAsync(entry);
        }

        Assert.Equal(entries, await store.ReadAsync().ToListAsync());
        foreach (var filter in new[]
        {
            new ExportLogFilter { TenantId = "acme" },
            new ExportLogFilter { EntryType = ExportLogEntryTypes.Error },
            new ExportLogFilter { From = Start.AddHours(1) },
            new ExportLogFilter { To = Start.AddHours(2) },
            new ExportLogFilter { TenantId = "acme", EntryType = ExportLogEntryTypes.ExportDownloaded, From = Start, To = Start.AddHours(2) },
            new ExportLogFilter { From = Start.AddTicks(1) },
        })
        {
            Assert.Equal(entries.Where(filter.Matches), await store.ReadAsync(filter).ToListAsync());
        }
    }

    [Fact]
    public async Task A_timestamp_with_an_offset_is_filtered_as_the_same_instant_in_utc()
    {
        var store = new SqliteExportLogStore(database.ConnectionString);
        await store.AppendAsync(Downloaded("acme", Start.ToOffset(TimeSpan.FromHours(5))));

        Assert.Single(await store.ReadAsync(new ExportLogFilter { From = Start, To = Start.AddTicks(1) }).ToListAsync());
        Assert.Empty(await store.ReadAsync(new ExportLogFilter { From = Start.AddTicks(1) }).ToListAsync());
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_sees_the_entries()
    {
        await new SqliteExportLogStore(database.ConnectionString).AppendAsync(Downloaded("acme", Start));
        database.ClosePool();

        var reopened = new SqliteExportLogStore(database.ConnectionString);

        Assert.Equal(Downloaded("acme", Start), Assert.Single(await reopened.ReadAsync().ToListAsync()));
    }

    private static ExportDownloadedEntry Downloaded(string tenantId, DateTimeOffset at) =>
        new() { Timestamp = at, TenantId = tenantId, BundleId = "bnd_1", Format = "csv", FileName = "bnd_1.csv", SizeBytes = 10, DownloadedBy = "u" };

    private static ExportErrorEntry Error(string? tenantId, DateTimeOffset at) =>
        new() { Timestamp = at, TenantId = tenantId, QueryId = "q", ErrorCode = "source-failed", Message = "m", RequestedBy = "u" };
}

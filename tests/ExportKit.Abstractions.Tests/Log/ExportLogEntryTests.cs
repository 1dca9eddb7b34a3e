using System.Text.Json;

namespace ExportKit.Abstractions.Tests.Log;

public sealed class ExportLogEntryTests
{
    public static TheoryData<ExportLogEntry> Entries => new()
    {
        new ExportGeneratedEntry { Timestamp = DateTimeOffset.UnixEpoch, TenantId = "acme", ExportId = "exp_1", BundleId = "bnd_1", Category = "reports", Format = "json", SectionsGenerated = 1, ItemsIncluded = 2, SizeBytes = 3, GenerationTimeMs = 4, RecordsDropped = 5, GeneratedBy = "u" },
        new ExportDownloadedEntry { Timestamp = DateTimeOffset.UnixEpoch, TenantId = "acme", BundleId = "bnd_1", Format = "json", FileName = "bnd_1.json", SizeBytes = 3, DownloadedBy = "u" },
        new PolicyDecisionEntry { Timestamp = DateTimeOffset.UnixEpoch, TenantId = "acme", FederationId = "fed", QueryId = "q", RequestedBy = "u", Decision = new PolicyDecision { Allowed = false, Reason = "r", Violations = ["v"], Warnings = [] } },
        new ExportErrorEntry { Timestamp = DateTimeOffset.UnixEpoch, QueryId = "q", ErrorCode = "cancelled", Message = "m", RequestedBy = "anonymous" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entries_round_trip_through_json_with_their_entry_type(ExportLogEntry entry)
    {
        var json = JsonSerializer.Serialize(entry, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<ExportLogEntry>(json, JsonSerializerOptions.Web)!;

        Assert.StartsWith($"{{\"entryType\":\"{entry.EntryType}\"", json, StringComparison.Ordinal);
        Assert.Equal(entry.GetType(), back.GetType());
        Assert.Equal(JsonSerializer.Serialize(entry, JsonSerializerOptions.Web), JsonSerializer.Serialize(back, JsonSerializerOptions.Web));
    }

    [Fact]
    public void A_filter_matches_every_property_it_sets()
    {
        var entry = new ExportGeneratedEntry { Timestamp = DateTimeOffset.UnixEpoch, TenantId = "acme", ExportId = "exp_1", BundleId = "bnd_1", Category = "reports", Format = "json", SectionsGenerated = 1, ItemsIncluded = 2, SizeBytes = 3, GenerationTimeMs = 4, GeneratedBy = "u" };

        Assert.True(new ExportLogFilter().Matches(entry));
        Assert.True(new ExportLogFilter { TenantId = "acme", EntryType = ExportLogEntryTypes.ExportGenerated, From = DateTimeOffset.UnixEpoch }.Matches(entry));
        Assert.False(new ExportLogFilter { To = DateTimeOffset.UnixEpoch }.Matches(entry));
        Assert.False(new ExportLogFilter { TenantId = "globex" }.Matches(entry));
    }
}

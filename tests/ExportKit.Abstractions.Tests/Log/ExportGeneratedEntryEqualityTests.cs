namespace ExportKit.Abstractions.Tests.Log;

/// <summary>The entry's data sources are a list: two entries with the same names are equal, other names are not.</summary>
public sealed class ExportGeneratedEntryEqualityTests
{
    [Fact]
    public void Entries_compare_their_data_sources_by_name_in_order()
    {
        var entry = Entry(["Phase 50: Audit & Governance Engine", "Phase 51: Drift Detection Engine"]);
        var same = Entry(["Phase 50: Audit & Governance Engine", "Phase 51: Drift Detection Engine"]);
        var other = Entry(["Phase 50: Audit & Governance Engine"]);

        Assert.Equal(entry, same);
        Assert.Equal(entry.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(entry, other);
        Assert.NotEqual(entry, same with { SizeBytes = 2 });
    }

    private static ExportGeneratedEntry Entry(string[] sources) => new()
    {
        Timestamp = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        TenantId = "acme",
        ExportId = "exp_1",
        BundleId = "bnd_1",
        Category = "compliance-pack",
        Format = "json",
        SectionsGenerated = 3,
        ItemsIncluded = 10,
        SizeBytes = 1,
        GenerationTimeMs = 0,
        GeneratedBy = "dana",
        DataSources = sources,
    };
}

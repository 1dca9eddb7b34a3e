using ExportKit.Testing;

namespace ExportKit.Assembly.Tests;

/// <summary>Queries, ranges and builds for the builder tests: tenant <c>acme</c>, the 30 days before <see cref="TestClock.Now"/>.</summary>
internal static class AssemblerFixture
{
    public const string Tenant = "acme";
    public const string UserId = "user-1";
    public const string ExportId = "exp_0001";

    public static readonly DateTimeOffset Base = TestRecords.Base;

    public static ExportTimeRange ThirtyDays { get; } = ExportTimeRange.LastDays(TestClock.Now, 30);

    public static IReadOnlyList<PhaseRecord> Records(string tenant = Tenant) => TestRecords.All(tenant);

    public static PhaseRecord Record(string id, string tenant = Tenant) => Records(tenant).Single(r => r.RecordId == id);

    public static ExportQuery Query(ExportCategory category, ExportFormat? format = null, ExportScope? scope = null, string requestedBy = UserId) =>
        new(category, format ?? ExportFormat.Json, scope ?? new ExportScope(Tenant), requestedBy);

    public static ExportCategoryDefinition Definition(ExportCategory category) =>
        ExportCategories.Find(category) ?? throw new ArgumentException($"No built-in definition for '{category}'.", nameof(category));

    public static Task<AssembledBundle> BuildAsync(
        ExportCategory category,
        IEnumerable<IPhaseDataSource> sources,
        ExportScope? scope = null,
        ExportFormat? format = null,
        ExportTimeRange? range = null,
        string requestedBy = UserId,
        CancellationToken cancellationToken = default) =>
        new ExportBundleAssembler(sources, TestClock.Create())
            .BuildAsync(Definition(category), Query(category, format, scope, requestedBy), range ?? ThirtyDays, ExportId, cancellationToken: cancellationToken);

    public static Task<AssembledBundle> BuildAsync(ExportCategory category, ExportScope? scope = null, ExportFormat? format = null) =>
        BuildAsync(category, ListSource.ForEveryPhase(Records()), scope, format);

    public static ExportSection Section(this AssembledBundle built, string sectionId) =>
        built.Bundle.Sections.Single(s => s.SectionId == sectionId);

    public static async Task<List<ExportItem>> ReadItemsAsync(this ExportSection section, CancellationToken cancellationToken = default)
    {
        var items = new List<ExportItem>();
        await foreach (var item in section.Items.WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public static async Task<List<string>> ReadIdsAsync(this ExportSection section) =>
        [.. (await section.ReadItemsAsync()).Select(i => i.ItemId)];

    public static object? Field(this ExportItem item, string name) => item.Data.Single(f => f.Name == name).Value;
}

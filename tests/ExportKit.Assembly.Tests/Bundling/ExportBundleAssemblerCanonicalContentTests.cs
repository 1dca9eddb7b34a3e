using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>
/// The bundle id hashes a canonical encoding of every item. That encoding is a promise across versions (the same content
/// keeps its id), so it is pinned here over every kind of value a field may hold — the id below was computed by the
/// 0.2 encoder, and any change to how values are turned into bytes must keep it.
/// </summary>
public sealed class ExportBundleAssemblerCanonicalContentTests
{
    // 40 items are hashed on the reading thread; 6,000 go through the background encoder in batches, past its queue bound.
    [Theory]
    [InlineData(40, "bnd_f60c06b081fa36f6d81b2be6")]
    [InlineData(6_000, "bnd_e0deb1e748787cb222590a31")]
    public async Task The_bundle_id_of_items_with_every_kind_of_value_is_what_it_was_in_0_2(int count, string pinnedBundleId)
    {
        var definition = new ExportCategoryDefinition(
            new ExportCategory("typed"),
            "Typed",
            "Every value type",
            [new ExportSectionDefinition("typed", "Typed", "Every value type", [ExportPhase.AuditFindings], Project)]);
        var findings = Enumerable.Range(0, count).Select(i => (PhaseRecord)new AuditFinding
        {
            AuditFindingId = "af-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            TenantId = Tenant,
            Severity = "high",
            Category = "access",
            Status = "open",
            Description = "Finding " + i,
            FoundAt = TestClock.Now.AddDays(-10).AddSeconds(i),
        }).ToList();
        var assembler = new ExportBundleAssembler([new ListSource(ExportPhase.AuditFindings, findings)], TestClock.Create());

        using var built = await assembler.BuildAsync(definition, Query(definition.Category), ThirtyDays, ExportId);

        Assert.Equal(pinnedBundleId, built.Bundle.BundleId);
    }

    private static ProjectedItem Project(PhaseRecord record, DateTimeOffset now)
    {
        var n = int.Parse(record.RecordId.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
        ExportField[] data =
        [
            new("id", record.RecordId),
            new("nothing", null),
            new("flag", n % 2 == 0),
            new("int", n - 20),
            new("long", long.MinValue + n),
            new("double", n switch { 0 => 0.1 + 0.2, 1 => 1e-7, 2 => -1.5e300, 3 => -0.0, _ => n / 3.0 }),
            new("decimal", n % 2 == 0 ? 1234.5600m + n : -0.000001m * n),
            new("local", new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.FromHours(n % 3 == 0 ? 2 : -5)).AddTicks(n * 1234567)),
            new("empty", string.Empty),
            new("text", n % 3 == 0 ? "Zürich — 東京 🚀" : "plain " + n),
            new("broken", n == 7 ? "lone \ud800 surrogate \udc00" : null),
            new("long text", new string('x', n == 39 ? 100_000 : 70 + (n % 40 * 500))),
            new("nested", (ExportField[])[new("a", n), new("b", new List<ExportField> { new("c", "deep"), new("d", 2.5m) })]),
            new("list", new List<ExportField> { new("x", true), new("y", null) }),
        ];
        return new ProjectedItem(new ExportItem(record.RecordId, "typed", record.Timestamp, data, n % 5 == 0 ? ["ref-" + n, "ref-z"] : []), "high", "open");
    }
}

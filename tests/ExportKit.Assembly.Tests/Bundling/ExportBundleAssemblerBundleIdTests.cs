using System.Text.RegularExpressions;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>The bundle id: <c>bnd_</c> and 24 hex digits derived from the canonical query and the sections' content.</summary>
public sealed class ExportBundleAssemblerBundleIdTests
{
    private static async Task<string> IdAsync(
        IEnumerable<PhaseRecord>? records = null,
        ExportScope? scope = null,
        ExportFormat? format = null,
        ExportTimeRange? range = null,
        string requestedBy = UserId,
        ExportCategory? category = null)
    {
        var built = await BuildAsync(category ?? ExportCategory.CompliancePack, ListSource.ForEveryPhase(records ?? Records()), scope, format, range, requestedBy);
        return built.Bundle.BundleId;
    }

    [Fact]
    public async Task Is_bnd_and_24_lower_case_hex_digits() =>
        Assert.Matches(new Regex("^bnd_[0-9a-f]{24}$"), await IdAsync());

    [Fact]
    public async Task Is_the_same_for_the_same_content_in_two_builds() =>
        Assert.Equal(await IdAsync(), await IdAsync());

    [Fact]
    public async Task Is_the_same_in_every_format_and_for_every_requester()
    {
        var json = await IdAsync();

        foreach (var format in ExportFormat.BuiltIn)
        {
            Assert.Equal(json, await IdAsync(format: format));
        }

        Assert.Equal(json, await IdAsync(requestedBy: "someone-else"));
    }

    [Fact]
    public async Task Is_the_same_whatever_a_source_returns_outside_the_scope()
    {
        var intruder = new AuditFinding
        {
            AuditFindingId = "af-999", TenantId = "globex", Severity = "low", Category = "c", Status = "open",
            Description = "not ours", FoundAt = Base.AddHours(12),
        };
        var records = Records().ToList();
        records.Insert(1, intruder); // between af-001 (Base) and af-002 (Base + 1 day)

        Assert.Equal(await IdAsync(), await IdAsync(records));
    }

    [Fact]
    public async Task Changes_when_a_record_changes()
    {
        var records = Records().Select(r => r is AuditFinding { AuditFindingId: "af-002" } f ? f.With(it => it.Description, "SOP revision signed") : r);

        Assert.NotEqual(await IdAsync(), await IdAsync(records));
    }

    [Fact]
    public async Task Changes_when_a_record_gains_a_reference()
    {
        var records = Records().Select(r => r is DriftEvent { DriftId: "drift-001" } d ? d.With(it => it.References, ["af-001"]) : r);

        Assert.NotEqual(await IdAsync(), await IdAsync(records));
    }

    [Fact]
    public async Task Changes_when_the_tenant_changes_even_without_data()
    {
        Assert.NotEqual(
            await IdAsync([], new ExportScope("acme")),
            await IdAsync([], new ExportScope("globex")));
    }

    [Fact]
    public async Task Changes_when_the_same_records_belong_to_another_tenant() =>
        Assert.NotEqual(await IdAsync(), await IdAsync(Records("globex"), new ExportScope("globex")));

    [Fact]
    public async Task Changes_with_the_facility_the_federation_the_time_range_and_the_category()
    {
        var ids = new[]
        {
            await IdAsync([]),
            await IdAsync([], new ExportScope(Tenant, "f1")),
            await IdAsync([], new ExportScope(Tenant, federationId: "fed-1")),
            await IdAsync([], range: ExportTimeRange.LastDays(Testing.TestClock.Now, 7)),
            await IdAsync([], category: ExportCategory.AuditFindings),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}

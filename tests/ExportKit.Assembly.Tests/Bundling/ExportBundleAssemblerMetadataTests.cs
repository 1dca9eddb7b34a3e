using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>The bundle's own fields and metadata.</summary>
public sealed class ExportBundleAssemblerMetadataTests
{
    [Fact]
    public async Task The_bundle_carries_the_definitions_text_and_the_querys_fields()
    {
        var scope = new ExportScope(Tenant, "f1", "fed-1");

        var built = await BuildAsync(ExportCategory.CompliancePack, ListSource.ForEveryPhase(Records()), scope, ExportFormat.Csv);

        var bundle = built.Bundle;
        Assert.Equal(ExportId, bundle.ExportId);
        Assert.Equal("Compliance Pack", bundle.Title);
        Assert.Equal("Full compliance bundle for audits", bundle.Description);
        Assert.Equal(ExportCategory.CompliancePack, bundle.Category);
        Assert.Equal(ExportFormat.Csv, bundle.Format);
        Assert.Equal(scope, bundle.Scope);
        Assert.Equal(ThirtyDays, bundle.TimeRange);
    }

    [Fact]
    public async Task Metadata_totals_the_sections_and_items_and_estimates_the_size()
    {
        var built = await BuildAsync(ExportCategory.CompliancePack);

        var metadata = built.Bundle.Metadata;
        Assert.Equal(TestClock.Now, metadata.GeneratedAt);
        Assert.Equal(UserId, metadata.GeneratedBy);
        Assert.Equal(ExportFormat.Json, metadata.Format);
        Assert.Equal(3, metadata.TotalSections);
        Assert.Equal(8, metadata.TotalItems); // 2 findings, 2 drift events, 4 SLA records
        Assert.Equal((8 * 500) + (3 * 200), metadata.EstimatedSizeBytes);
        Assert.Equal(ThirtyDays, metadata.TimeRange);
        Assert.Equal(0, metadata.ComputationTimeMs);
        Assert.Equal(
            ["Phase 50: Audit & Governance Engine", "Phase 51: Drift Detection Engine", "Phase 52: Alert & Notification Engine; Phase 53: Task & Workflow Engine"],
            metadata.DataSourcesUsed);
    }

    [Fact]
    public async Task Data_sources_used_are_distinct_in_section_order()
    {
        var alertsAgain = new ExportSectionDefinition("alerts-again", "Alerts again", "", [ExportPhase.Alerts]);
        var category = new ExportCategory("custom-pack");
        var definition = new ExportCategoryDefinition(category, "Custom", "", [ExportSections.AlertLogs, ExportSections.TaskLogs, alertsAgain]);
        var builder = new ExportBundleAssembler(ListSource.ForEveryPhase(Records()), TestClock.Create());

        var built = await builder.BuildAsync(definition, Query(category), ThirtyDays, ExportId);

        Assert.Equal(["Phase 52: Alert & Notification Engine", "Phase 53: Task & Workflow Engine"], built.Bundle.Metadata.DataSourcesUsed);
        Assert.Equal(3, built.Bundle.Metadata.TotalSections);
        Assert.Equal(6, built.Bundle.Metadata.TotalItems);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    [InlineData("markdown")]
    [InlineData("zip")]
    [InlineData("auditor-package")]
    public async Task Compressed_says_what_the_caller_says_the_formatter_does_and_is_false_by_default(string format)
    {
        Assert.True(ExportFormat.TryGetBuiltIn(format, out var exportFormat));
        var assembler = new ExportBundleAssembler(ListSource.ForEveryPhase(Records()), TestClock.Create());
        var definition = Definition(ExportCategory.AuditFindings);
        var query = Query(ExportCategory.AuditFindings, exportFormat);

        var byDefault = await assembler.BuildAsync(definition, query, ThirtyDays, ExportId);
        var compressed = await assembler.BuildAsync(definition, query, ThirtyDays, ExportId, compressed: true);

        // Issue "ExportKit 0.2", seed fidelity: metadata.compressed said true for a stored ZIP.
        Assert.False(byDefault.Bundle.Metadata.Compressed);
        Assert.True(compressed.Bundle.Metadata.Compressed);
        Assert.Equal(exportFormat, byDefault.Bundle.Metadata.Format);
    }

    [Fact]
    public async Task Computation_time_is_measured_with_the_builders_clock()
    {
        var clock = TestClock.Create();
        var slow = new ListSource(ExportPhase.AuditFindings, Records().OfType<AuditFinding>(), () => clock.Advance(TimeSpan.FromMilliseconds(1500)));
        var builder = new ExportBundleAssembler([slow], clock);

        var built = await builder.BuildAsync(Definition(ExportCategory.AuditFindings), Query(ExportCategory.AuditFindings), ThirtyDays, ExportId);

        Assert.Equal(1500, built.Bundle.Metadata.ComputationTimeMs);
        Assert.Equal(TestClock.Now, built.Bundle.Metadata.GeneratedAt); // stamped when assembly started
    }
}

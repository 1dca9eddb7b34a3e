namespace ExportKit.Assembly.Tests.Definitions;

public sealed class ExportCategoriesTests
{
    // The seed's "Export Categories": each category's sections, as "id=Title", in order.
    [Theory]
    [InlineData("compliance-pack", "Compliance Pack", "audit-findings=Audit Findings|drift-events=Environmental Drift Events|sla-compliance=SLA Compliance")]
    [InlineData("executive-summary", "Executive Summary", "executive-insights=Executive Insights|enterprise-reports=Enterprise Reports")]
    [InlineData("operational-snapshot", "Operational Snapshot", "task-logs=Task Logs|alert-logs=Alert Logs|workload-schedules=Workload Schedules|capacity-forecasts=Capacity Forecasts")]
    [InlineData("audit-findings", "Audit Findings", "audit-findings=Audit Findings")]
    [InlineData("drift-logs", "Drift Logs", "drift-events=Environmental Drift Events")]
    [InlineData("alert-logs", "Alert Logs", "alert-logs=Alert Logs")]
    [InlineData("task-logs", "Task Logs", "task-logs=Task Logs")]
    [InlineData("operator-analytics", "Operator Analytics", "operator-analytics=Operator Analytics")]
    [InlineData("real-time-metrics", "Real-Time Metrics", "real-time-metrics=Real-Time Metrics")]
    [InlineData("capacity-forecasts", "Capacity Forecasts", "capacity-forecasts=Capacity Forecasts")]
    [InlineData("schedules", "Schedules", "workload-schedules=Workload Schedules")]
    [InlineData("insights", "Insights", "executive-insights=Executive Insights")]
    [InlineData("reports", "Reports", "enterprise-reports=Enterprise Reports")]
    [InlineData("full-operational", "Full Operational Export",
        "audit-findings=Audit Findings|drift-events=Environmental Drift Events|alert-logs=Alert Logs|task-logs=Task Logs|operator-analytics=Operator Analytics|real-time-metrics=Real-Time Metrics|capacity-forecasts=Capacity Forecasts|workload-schedules=Workload Schedules|executive-insights=Executive Insights|enterprise-reports=Enterprise Reports")]
    public void Each_built_in_category_has_the_specified_sections_in_order(string category, string title, string sections)
    {
        var definition = ExportCategories.Find(new ExportCategory(category));

        Assert.NotNull(definition);
        Assert.Equal(title, definition.Title);
        Assert.Equal(sections, string.Join("|", definition.Sections.Select(s => $"{s.SectionId}={s.Title}")));
    }

    [Fact]
    public void Defines_the_fourteen_built_in_categories_in_their_order()
    {
        Assert.Equal(ExportCategory.BuiltIn, ExportCategories.BuiltIn.Select(d => d.Category));
        Assert.Equal(14, ExportCategories.BuiltIn.Count);
    }

    [Theory]
    [InlineData("compliance-pack", "Full compliance bundle for audits")]
    [InlineData("executive-summary", "High-level strategic insights for executives")]
    [InlineData("operational-snapshot", "Current operational state snapshot")]
    [InlineData("full-operational", "Complete operational data export")]
    [InlineData("audit-findings", "Phase 50: Audit & Governance Engine only")]
    [InlineData("reports", "Phase 59: Enterprise Reporting & Compliance Pack Generator only")]
    public void Describes_each_category_with_the_seeds_use_case(string category, string description) =>
        Assert.Equal(description, ExportCategories.Find(new ExportCategory(category))!.Description);

    [Theory]
    [InlineData("compliance-pack", new[] { 50, 51, 52, 53 })]
    [InlineData("executive-summary", new[] { 58, 59 })]
    [InlineData("operational-snapshot", new[] { 53, 52, 57, 56 })]
    [InlineData("audit-findings", new[] { 50 })]
    [InlineData("drift-logs", new[] { 51 })]
    [InlineData("alert-logs", new[] { 52 })]
    [InlineData("task-logs", new[] { 53 })]
    [InlineData("operator-analytics", new[] { 54 })]
    [InlineData("real-time-metrics", new[] { 55 })]
    [InlineData("capacity-forecasts", new[] { 56 })]
    [InlineData("schedules", new[] { 57 })]
    [InlineData("insights", new[] { 58 })]
    [InlineData("reports", new[] { 59 })]
    [InlineData("full-operational", new[] { 50, 51, 52, 53, 54, 55, 56, 57, 58, 59 })]
    public void Each_category_reads_the_seeds_phases_in_first_use_order(string category, int[] phases) =>
        Assert.Equal(phases, ExportCategories.Find(new ExportCategory(category))!.Phases.Select(p => p.Number));

    [Fact]
    public void Full_operational_has_one_section_per_phase_50_to_59()
    {
        var sections = ExportCategories.Find(ExportCategory.FullOperational)!.Sections;

        Assert.Equal(Enumerable.Range(50, 10), sections.Select(s => Assert.Single(s.Phases).Number));
        Assert.Equal(ExportSections.PerPhase, sections);
    }

    [Fact]
    public void Finds_nothing_for_a_category_that_is_not_built_in() =>
        Assert.Null(ExportCategories.Find(new ExportCategory("custom-thing")));
}

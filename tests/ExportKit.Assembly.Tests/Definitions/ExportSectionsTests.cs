namespace ExportKit.Assembly.Tests.Definitions;

public sealed class ExportSectionsTests
{
    [Fact]
    public void Sla_compliance_merges_alerts_and_tasks_under_one_data_source_name()
    {
        var section = ExportSections.SlaCompliance;

        Assert.Equal("sla-compliance", section.SectionId);
        Assert.Equal("SLA Compliance", section.Title);
        Assert.Equal("Task and alert SLA tracking with met/breached status", section.Description);
        Assert.Equal([ExportPhase.Alerts, ExportPhase.Tasks], section.Phases);
        Assert.Equal("Phase 52: Alert & Notification Engine; Phase 53: Task & Workflow Engine", section.DataSource);
    }

    [Fact]
    public void Per_phase_sections_name_their_phase_as_data_source()
    {
        Assert.Equal(
            ExportPhase.BuiltIn.Select(p => p.DataSource),
            ExportSections.PerPhase.Select(s => s.DataSource));
    }

    [Theory]
    [InlineData("audit-findings", "All findings with severity and status")]
    [InlineData("drift-events", "Drift detection logs")]
    [InlineData("alert-logs", "Notification tracking")]
    [InlineData("task-logs", "Workflow execution")]
    [InlineData("workload-schedules", "Orchestration data")]
    [InlineData("capacity-forecasts", "Resource projections")]
    [InlineData("executive-insights", "Strategic analysis and insights")]
    [InlineData("enterprise-reports", "Comprehensive reports")]
    public void Sections_carry_the_seeds_descriptions(string sectionId, string description) =>
        Assert.Equal(description, ExportSections.PerPhase.Single(s => s.SectionId == sectionId).Description);

    [Fact]
    public void Per_phase_sections_use_the_default_projection()
    {
        Assert.All(ExportSections.PerPhase, s => Assert.Equal<SectionItemProjection>(ExportSectionDefinition.Default, s.Projection));
    }
}

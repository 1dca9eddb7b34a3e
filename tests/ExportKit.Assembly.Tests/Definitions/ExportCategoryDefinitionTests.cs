namespace ExportKit.Assembly.Tests.Definitions;

public sealed class ExportCategoryDefinitionTests
{
    private static readonly ExportCategory Custom = new("custom-pack");

    [Fact]
    public void Lists_each_phase_once_in_first_use_order()
    {
        var definition = new ExportCategoryDefinition(Custom, "Custom", "", [ExportSections.TaskLogs, ExportSections.SlaCompliance, ExportSections.AlertLogs]);

        Assert.Equal([ExportPhase.Tasks, ExportPhase.Alerts], definition.Phases);
    }

    [Fact]
    public void Refuses_a_category_without_sections()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ExportCategoryDefinition(Custom, "Custom", "", []));

        Assert.Equal("sections", ex.ParamName);
        Assert.StartsWith("Category 'custom-pack' needs at least one section, and no null section.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_two_sections_with_one_id()
    {
        var copy = new ExportSectionDefinition("alert-logs", "Alerts again", "", [ExportPhase.Alerts]);

        var ex = Assert.Throws<ArgumentException>(() => new ExportCategoryDefinition(Custom, "Custom", "", [ExportSections.AlertLogs, copy]));

        Assert.StartsWith("Category 'custom-pack' has two sections with the id 'alert-logs'; section ids must be unique.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_blank_title() =>
        Assert.Throws<ArgumentException>(() => new ExportCategoryDefinition(Custom, " ", "", [ExportSections.AlertLogs]));
}

namespace ExportKit.Assembly.Tests.Definitions;

public sealed class ExportSectionDefinitionTests
{
    [Fact]
    public void Names_its_phases_data_sources_unless_told_otherwise()
    {
        var merged = new ExportSectionDefinition("s", "S", "", [ExportPhase.Insights, ExportPhase.Reports]);
        var named = new ExportSectionDefinition("s", "S", "", [ExportPhase.Insights], dataSource: "Strategy desk");

        Assert.Equal("Phase 58: Executive Insights & Enterprise Reporting Center; Phase 59: Enterprise Reporting & Compliance Pack Generator", merged.DataSource);
        Assert.Equal("Strategy desk", named.DataSource);
    }

    [Fact]
    public void Uses_the_given_projection()
    {
        SectionItemProjection none = (_, _) => null;

        Assert.Same(none, new ExportSectionDefinition("s", "S", "", [ExportPhase.Alerts], none).Projection);
    }

    [Fact]
    public void Refuses_a_section_without_phases()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ExportSectionDefinition("empty", "Empty", "", []));

        Assert.Equal("phases", ex.ParamName);
        Assert.StartsWith("Section 'empty' needs at least one phase, and no null phase.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_null_phase() =>
        Assert.Throws<ArgumentException>(() => new ExportSectionDefinition("s", "S", "", [ExportPhase.Alerts, null!]));

    [Fact]
    public void Refuses_a_phase_named_twice()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ExportSectionDefinition("twice", "Twice", "", [ExportPhase.Alerts, ExportPhase.Alerts]));

        Assert.StartsWith("Section 'twice' names a phase twice; name each phase once.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Title")]
    [InlineData(" ", "Title")]
    [InlineData("id", "")]
    [InlineData("id", " ")]
    public void Refuses_a_blank_id_or_title(string id, string title) =>
        Assert.ThrowsAny<ArgumentException>(() => new ExportSectionDefinition(id, title, "", [ExportPhase.Alerts]));

    [Fact]
    public void Default_projection_keeps_the_records_id_type_instant_fields_and_summary_keys()
    {
        var record = AssemblerFixture.Record("af-001");

        var projected = ExportSectionDefinition.Default(record, default);

        Assert.Equal("af-001", projected.Item.ItemId);
        Assert.Equal("audit-finding", projected.Item.ItemType);
        Assert.Equal(record.Timestamp, projected.Item.Timestamp);
        Assert.Equal(record.GetFields(), projected.Item.Data);
        Assert.Equal(["drift-002"], projected.Item.References);
        Assert.Equal("critical", projected.Severity);
        Assert.Equal("open", projected.Status);
    }

    [Fact]
    public void Default_projection_sorts_and_de_duplicates_references_ordinally()
    {
        var record = AssemblerFixture.Record("af-002").With(it => it.References, ["b", "B", "a", "b"]);

        Assert.Equal(["B", "a", "b"], ExportSectionDefinition.Default(record, default).Item.References);
    }

    [Fact]
    public void Default_projection_counts_no_severity_or_status_for_records_without_them()
    {
        var projected = ExportSectionDefinition.Default(AssemblerFixture.Record("om-001"), default);

        Assert.Null(projected.Severity);
        Assert.Null(projected.Status);
    }
}

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

    [Fact]
    public void The_assembler_runs_the_default_projection_without_a_wrapper_only_when_it_is_the_default()
    {
        SectionItemProjection custom = (record, now) => ExportSectionDefinition.Default(record, now) with { Severity = "x" };

        Assert.True(new ExportSectionDefinition("s", "S", "", [ExportPhase.Alerts]).HasDefaultProjection);
        Assert.True(new ExportSectionDefinition("s", "S", "", [ExportPhase.Alerts], ExportSectionDefinition.Default).HasDefaultProjection);
        Assert.False(new ExportSectionDefinition("s", "S", "", [ExportPhase.Alerts], custom).HasDefaultProjection);
    }

    [Fact]
    public async Task A_custom_projection_still_decides_the_counts_and_may_drop_a_record()
    {
        var section = new ExportSectionDefinition("alerts", "Alerts", "", [ExportPhase.Alerts], (record, now) =>
            record.RecordId == "al-001" ? null : ExportSectionDefinition.Default(record, now) with { Severity = "custom" });
        var definition = new ExportCategoryDefinition(ExportCategory.AlertLogs, "Alerts", "", [section]);
        var records = AssemblerFixture.Records().Where(r => r.Phase == ExportPhase.Alerts).ToArray();

        using var built = await new ExportBundleAssembler([new ListSource(ExportPhase.Alerts, records)], ExportKit.Testing.TestClock.Create())
            .BuildAsync(definition, AssemblerFixture.Query(ExportCategory.AlertLogs), AssemblerFixture.ThirtyDays, AssemblerFixture.ExportId);

        var items = await built.Bundle.Sections[0].ReadItemsAsync();
        Assert.DoesNotContain(items, i => i.ItemId == "al-001");
        Assert.Equal(records.Length - 1, items.Count);
        Assert.Equal([new SummaryCount("custom", records.Length - 1)], built.Bundle.Sections[0].Summary.BySeverity);
    }
}

namespace ExportKit;

/// <summary>Phase 59 enterprise report: a report the reporting engine generated.</summary>
public sealed class EnterpriseReport : PhaseRecord
{
    /// <summary>Gets the report's id.</summary>
    public required string ReportId { get; init; }

    /// <summary>Gets the report's category.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the report's title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets how many sections it has.</summary>
    public required int SectionsCount { get; init; }

    /// <summary>Gets when it was generated.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <inheritdoc />
    public override ExportPhase Phase => ExportPhase.Reports;

    /// <inheritdoc />
    public override string RecordId => ReportId;

    /// <inheritdoc />
    public override DateTimeOffset Timestamp => GeneratedAt;

    /// <inheritdoc />
    protected override void AddFields(IList<ExportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("reportId", ReportId));
        fields.Add(new("category", Category));
        fields.Add(new("title", Title));
        fields.Add(new("sectionsCount", SectionsCount));
        fields.Add(new("generatedAt", GeneratedAt));
    }
}

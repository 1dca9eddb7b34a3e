namespace ExportKit.Assembly;

/// <summary>What one section of a category holds: which phases' records, and how each becomes an item.</summary>
public sealed class ExportSectionDefinition
{
    /// <summary>Creates a section definition.</summary>
    /// <param name="sectionId">The section's id, for example <c>audit-findings</c>.</param>
    /// <param name="title">The section's title.</param>
    /// <param name="description">What the section holds.</param>
    /// <param name="phases">The phases whose records the section merges, at least one.</param>
    /// <param name="projection">How a record becomes an item; <see langword="null"/> for the record's own fields.</param>
    /// <param name="dataSource">The data source name; <see langword="null"/> to join the phases' names with "; ".</param>
    /// <exception cref="ArgumentException">An id or title is empty, or no phase is given, or a phase is repeated.</exception>
    public ExportSectionDefinition(string sectionId, string title, string description, IEnumerable<ExportPhase> phases, SectionItemProjection? projection = null, string? dataSource = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(phases);
        Phases = [.. phases];
        if (Phases.Count == 0 || Phases.Any(p => p is null))
        {
            throw new ArgumentException($"Section '{sectionId}' needs at least one phase, and no null phase.", nameof(phases));
        }

        if (Phases.Distinct().Count() != Phases.Count)
        {
            throw new ArgumentException($"Section '{sectionId}' names a phase twice; name each phase once.", nameof(phases));
        }

        SectionId = sectionId;
        Title = title;
        Description = description;
        Projection = projection ?? Default;
        HasDefaultProjection = projection is null || projection == (SectionItemProjection)Default;
        DataSource = dataSource ?? string.Join("; ", Phases.Select(p => p.DataSource));
    }

    /// <summary>Gets the section's id.</summary>
    public string SectionId { get; }

    /// <summary>Gets the section's title.</summary>
    public string Title { get; }

    /// <summary>Gets what the section holds.</summary>
    public string Description { get; }

    /// <summary>Gets the phases whose records the section merges.</summary>
    public IReadOnlyList<ExportPhase> Phases { get; }

    /// <summary>Gets how a record becomes an item.</summary>
    public SectionItemProjection Projection { get; }

    /// <summary>Gets the data source name shown with the section.</summary>
    public string DataSource { get; }

    /// <summary>The default projection: the record's own fields, severity and status.</summary>
    /// <param name="record">The record.</param>
    /// <param name="now">Not used.</param>
    /// <returns>The item.</returns>
    public static ProjectedItem Default(PhaseRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ProjectedItem(DefaultItem(record), record.SummarySeverity, record.SummaryStatus);
    }

    /// <summary>The item of the default projection, for the assembler, which needs no wrapper around it.</summary>
    internal static ExportItem DefaultItem(PhaseRecord record)
    {
        var references = record.References.Count == 0
            ? record.References
            : record.References.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new ExportItem(record.RecordId, record.Phase.ItemType, record.Timestamp, record.GetFields(), references);
    }

    /// <summary>Gets whether the section uses <see cref="Default"/>, which the assembler then runs without a <see cref="ProjectedItem"/> per record.</summary>
    internal bool HasDefaultProjection { get; }
}

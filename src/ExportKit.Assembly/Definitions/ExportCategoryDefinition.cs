namespace ExportKit.Assembly;

/// <summary>What a category exports: its title, description and sections in order.</summary>
public sealed class ExportCategoryDefinition
{
    /// <summary>Creates a category definition.</summary>
    /// <param name="category">The category.</param>
    /// <param name="title">The bundle title, for example <c>Compliance Pack</c>.</param>
    /// <param name="description">What the bundle is for.</param>
    /// <param name="sections">The sections, in the order they are exported; ids must be unique.</param>
    /// <exception cref="ArgumentException">No section is given, or two share an id.</exception>
    public ExportCategoryDefinition(ExportCategory category, string title, string description, IEnumerable<ExportSectionDefinition> sections)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(sections);
        Sections = [.. sections];
        if (Sections.Count == 0 || Sections.Any(s => s is null))
        {
            throw new ArgumentException($"Category '{category}' needs at least one section, and no null section.", nameof(sections));
        }

        var duplicate = Sections.GroupBy(s => s.SectionId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Category '{category}' has two sections with the id '{duplicate.Key}'; section ids must be unique.", nameof(sections));
        }

        Category = category;
        Title = title;
        Description = description;
    }

    /// <summary>Gets the category.</summary>
    public ExportCategory Category { get; }

    /// <summary>Gets the bundle title.</summary>
    public string Title { get; }

    /// <summary>Gets what the bundle is for.</summary>
    public string Description { get; }

    /// <summary>Gets the sections in export order.</summary>
    public IReadOnlyList<ExportSectionDefinition> Sections { get; }

    /// <summary>Gets the distinct phases the category reads, in first-use order.</summary>
    public IReadOnlyList<ExportPhase> Phases => Sections.SelectMany(s => s.Phases).Distinct().ToArray();
}

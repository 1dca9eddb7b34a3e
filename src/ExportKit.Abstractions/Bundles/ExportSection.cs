namespace ExportKit;

/// <summary>
/// One section of a bundle. Its counts are known up front; its <see cref="Items"/> stream from the data
/// sources each time they are enumerated, so an export never holds all of its items in memory.
/// </summary>
public sealed class ExportSection
{
    /// <summary>Creates a section.</summary>
    /// <param name="sectionId">The section's id, for example <c>audit-findings</c>.</param>
    /// <param name="title">The section's title.</param>
    /// <param name="description">What the section holds.</param>
    /// <param name="dataSource">The data source, for example <c>Phase 50: Audit &amp; Governance Engine</c>.</param>
    /// <param name="summary">The section's counts.</param>
    /// <param name="itemCount">How many items <paramref name="items"/> yields.</param>
    /// <param name="generatedAt">When the section was assembled.</param>
    /// <param name="items">The items, in (timestamp, item id) order; may be enumerated more than once.</param>
    public ExportSection(string sectionId, string title, string description, string dataSource, SectionSummary summary, long itemCount, DateTimeOffset generatedAt, IAsyncEnumerable<ExportItem> items)
    {
        ArgumentException.ThrowIfNullOrEmpty(sectionId);
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentException.ThrowIfNullOrEmpty(dataSource);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentNullException.ThrowIfNull(items);
        SectionId = sectionId;
        Title = title;
        Description = description;
        DataSource = dataSource;
        Summary = summary;
        ItemCount = itemCount;
        GeneratedAt = generatedAt.ToUniversalTime();
        Items = items;
    }

    /// <summary>Gets the section's id.</summary>
    public string SectionId { get; }

    /// <summary>Gets the section's title.</summary>
    public string Title { get; }

    /// <summary>Gets what the section holds.</summary>
    public string Description { get; }

    /// <summary>Gets the data source the items come from.</summary>
    public string DataSource { get; }

    /// <summary>Gets the section's counts.</summary>
    public SectionSummary Summary { get; }

    /// <summary>Gets how many items the section has.</summary>
    public long ItemCount { get; }

    /// <summary>Gets when the section was assembled, in UTC.</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>
    /// Gets the items, in (timestamp, item id) ordinal order. A bundle the assembler builds replays, on each
    /// enumeration, the items it read once from the sources; one it streams reads them as the formatter enumerates
    /// each section, once.
    /// </summary>
    public IAsyncEnumerable<ExportItem> Items { get; }
}

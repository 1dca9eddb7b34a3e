namespace ExportKit.Formats;

/// <summary>
/// The copies of a bundle that the ZIP and auditor-package formatters hand to the formatters inside them: the same
/// content, retargeted to another format or narrowed to one section. <see cref="ExportBundle"/> and
/// <see cref="ExportMetadata"/> are classes (they hold lists, which a record would compare by reference), so they have
/// no <c>with</c>; these are the only places a bundle is copied.
/// </summary>
internal static class BundleCopies
{
    /// <summary>The bundle with another format, sections and metadata; its ids, title, scope, range and references kept.</summary>
    public static ExportBundle With(ExportBundle bundle, ExportFormat format, IReadOnlyList<ExportSection> sections, ExportMetadata metadata) => new()
    {
        BundleId = bundle.BundleId,
        ExportId = bundle.ExportId,
        Title = bundle.Title,
        Description = bundle.Description,
        Category = bundle.Category,
        Format = format,
        Scope = bundle.Scope,
        TimeRange = bundle.TimeRange,
        Sections = sections,
        References = bundle.References,
        Metadata = metadata,
    };

    /// <summary>The metadata with another format and counts; when and by whom, the range and the timing kept.</summary>
    public static ExportMetadata With(ExportMetadata metadata, ExportFormat format, int totalSections, long totalItems, IReadOnlyList<string> dataSourcesUsed, bool compressed) => new()
    {
        GeneratedAt = metadata.GeneratedAt,
        GeneratedBy = metadata.GeneratedBy,
        Format = format,
        TotalSections = totalSections,
        TotalItems = totalItems,
        DataSourcesUsed = dataSourcesUsed,
        TimeRange = metadata.TimeRange,
        ComputationTimeMs = metadata.ComputationTimeMs,
        Compressed = compressed,
    };
}

namespace ExportKit;

/// <summary>
/// An assembled export: what formatters write. <see cref="BundleId"/> is derived from the content, so the same
/// content always has the same id; <see cref="ExportId"/> is new for every execution. A bundle has no value equality:
/// its sections' items stream from the sources, so two bundles are the same only when they are one object.
/// </summary>
public sealed class ExportBundle
{
    /// <summary>Gets the content-derived id (<c>bnd_</c> and 24 hex digits of a SHA-256 over the canonical query and sections).</summary>
    public required string BundleId { get; init; }

    /// <summary>Gets the id of this execution.</summary>
    public required string ExportId { get; init; }

    /// <summary>Gets the title, for example <c>Compliance Pack</c>.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the category's description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the category.</summary>
    public required ExportCategory Category { get; init; }

    /// <summary>Gets the format.</summary>
    public required ExportFormat Format { get; init; }

    /// <summary>Gets the scope.</summary>
    public required ExportScope Scope { get; init; }

    /// <summary>Gets the time range.</summary>
    public required ExportTimeRange TimeRange { get; init; }

    /// <summary>Gets the sections, in the category's declared order.</summary>
    public required IReadOnlyList<ExportSection> Sections { get; init; }

    /// <summary>Gets the ids that the items refer to, sorted ordinally and without duplicates.</summary>
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>Gets facts about how the bundle was made.</summary>
    public required ExportMetadata Metadata { get; init; }
}

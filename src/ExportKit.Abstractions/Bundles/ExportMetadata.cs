namespace ExportKit;

/// <summary>Facts about how a bundle was made (the specification's "metadata").</summary>
public sealed record ExportMetadata
{
    /// <summary>Gets when the bundle was generated, in UTC.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Gets the user id of whoever requested it.</summary>
    public required string GeneratedBy { get; init; }

    /// <summary>Gets the format it was written in.</summary>
    public required ExportFormat Format { get; init; }

    /// <summary>Gets how many sections it has.</summary>
    public required int TotalSections { get; init; }

    /// <summary>Gets how many items it has across all sections.</summary>
    public required long TotalItems { get; init; }

    /// <summary>Gets the specification's size estimate: 500 bytes per item plus 200 per section.</summary>
    public long EstimatedSizeBytes => (TotalItems * 500) + (TotalSections * 200L);

    /// <summary>Gets the distinct data sources of the sections, in section order.</summary>
    public required IReadOnlyList<string> DataSourcesUsed { get; init; }

    /// <summary>Gets the time range the bundle covers.</summary>
    public required ExportTimeRange TimeRange { get; init; }

    /// <summary>Gets how long assembling the bundle took, in milliseconds, measured with the engine's <see cref="TimeProvider"/>.</summary>
    public required long ComputationTimeMs { get; init; }

    /// <summary>Gets a value indicating whether the output is compressed (ZIP formats).</summary>
    public required bool Compressed { get; init; }
}

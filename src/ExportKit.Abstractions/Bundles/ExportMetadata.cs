namespace ExportKit;

/// <summary>
/// Facts about how a bundle was made (the specification's "metadata"). Two are equal when every fact is, the data
/// sources compared in order.
/// </summary>
public sealed class ExportMetadata : IEquatable<ExportMetadata>
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

    /// <summary>Compares two metadata by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(ExportMetadata? left, ExportMetadata? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two metadata by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExportMetadata? left, ExportMetadata? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportMetadata);

    /// <inheritdoc />
    public bool Equals(ExportMetadata? other) =>
        other is not null
        && GeneratedAt == other.GeneratedAt
        && string.Equals(GeneratedBy, other.GeneratedBy, StringComparison.Ordinal)
        && Format.Equals(other.Format)
        && TotalSections == other.TotalSections
        && TotalItems == other.TotalItems
        && DataSourcesUsed.SequenceEqual(other.DataSourcesUsed, StringComparer.Ordinal)
        && TimeRange.Equals(other.TimeRange)
        && ComputationTimeMs == other.ComputationTimeMs
        && Compressed == other.Compressed;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GeneratedAt, Format, TotalSections, TotalItems, TimeRange);
}

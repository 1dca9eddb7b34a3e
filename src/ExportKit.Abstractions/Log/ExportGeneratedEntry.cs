using System.Text.Json.Serialization;

namespace ExportKit;

/// <summary>An export was written (<c>export-generated</c>).</summary>
public sealed record ExportGeneratedEntry : ExportLogEntry
{
    /// <summary>Gets the execution's id.</summary>
    public required string ExportId { get; init; }

    /// <summary>Gets the bundle's id.</summary>
    public required string BundleId { get; init; }

    /// <summary>Gets the category.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the format.</summary>
    public required string Format { get; init; }

    /// <summary>Gets how many sections were written.</summary>
    public required int SectionsGenerated { get; init; }

    /// <summary>Gets how many items were written.</summary>
    public required long ItemsIncluded { get; init; }

    /// <summary>Gets how many bytes were written.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets how long the export took, in milliseconds.</summary>
    public required long GenerationTimeMs { get; init; }

    /// <summary>Gets how many records the sources returned outside the scope (dropped, not exported).</summary>
    public long RecordsDropped { get; init; }

    /// <summary>Gets who requested it.</summary>
    public required string GeneratedBy { get; init; }

    /// <summary>Gets the data sources (phases, as <c>Phase 50: Audit &amp; Governance Engine</c>) the export drew from, each once, for the statistics' data-source card.</summary>
    /// <value>The default value is empty (entries written by ExportKit 0.1 carry none).</value>
    public IReadOnlyList<string> DataSources { get; init; } = [];

    /// <inheritdoc />
    [JsonIgnore]
    public override string EntryType => ExportLogEntryTypes.ExportGenerated;

    /// <inheritdoc />
    [JsonIgnore]
    public override string UserId => GeneratedBy;

    /// <summary>Compares every field; <see cref="DataSources"/> by its names, in order (a record alone would compare the list by reference).</summary>
    /// <param name="other">The entry to compare with.</param>
    /// <returns>Whether both hold the same values.</returns>
    public bool Equals(ExportGeneratedEntry? other) =>
        other is not null
        && base.Equals(other)
        && ExportId == other.ExportId
        && BundleId == other.BundleId
        && Category == other.Category
        && Format == other.Format
        && SectionsGenerated == other.SectionsGenerated
        && ItemsIncluded == other.ItemsIncluded
        && SizeBytes == other.SizeBytes
        && GenerationTimeMs == other.GenerationTimeMs
        && RecordsDropped == other.RecordsDropped
        && GeneratedBy == other.GeneratedBy
        && DataSources.SequenceEqual(other.DataSources, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ExportId, BundleId, SizeBytes);
}

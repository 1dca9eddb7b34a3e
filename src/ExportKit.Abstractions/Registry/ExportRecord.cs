namespace ExportKit;

/// <summary>
/// An entry of the export registry: which export was produced, from which run, where it was stored, and its checksum.
/// Two entries are equal when every field is, the sections compared in order.
/// </summary>
public sealed class ExportRecord : IEquatable<ExportRecord>
{
    /// <summary>Gets the execution's id.</summary>
    public required string ExportId { get; init; }

    /// <summary>Gets the bundle's content-derived id.</summary>
    public required string BundleId { get; init; }

    /// <summary>Gets the tenant whose data it holds.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the id of the run it came from (<see cref="ExportQuery.RunId"/>), or <see langword="null"/>.</summary>
    public string? RunId { get; init; }

    /// <summary>Gets the category.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the format.</summary>
    public required string Format { get; init; }

    /// <summary>Gets the ids of the sections included, in order.</summary>
    public required IReadOnlyList<string> Sections { get; init; }

    /// <summary>Gets where the file was stored, when ExportKit wrote it to a file; otherwise <see langword="null"/>.</summary>
    public string? StoragePath { get; init; }

    /// <summary>Gets its size in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets its lower-case hex SHA-256.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets when it was generated, in UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets who requested it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Compares two registry entries by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(ExportRecord? left, ExportRecord? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two registry entries by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExportRecord? left, ExportRecord? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportRecord);

    /// <summary>Compares every field, the sections by content.</summary>
    /// <param name="other">The other record.</param>
    /// <returns><see langword="true"/> when both describe the same export.</returns>
    public bool Equals(ExportRecord? other) =>
        other is not null
        && string.Equals(ExportId, other.ExportId, StringComparison.Ordinal)
        && string.Equals(BundleId, other.BundleId, StringComparison.Ordinal)
        && string.Equals(TenantId, other.TenantId, StringComparison.Ordinal)
        && string.Equals(RunId, other.RunId, StringComparison.Ordinal)
        && string.Equals(Category, other.Category, StringComparison.Ordinal)
        && string.Equals(Format, other.Format, StringComparison.Ordinal)
        && Sections.SequenceEqual(other.Sections, StringComparer.Ordinal)
        && string.Equals(StoragePath, other.StoragePath, StringComparison.Ordinal)
        && SizeBytes == other.SizeBytes
        && string.Equals(Sha256, other.Sha256, StringComparison.Ordinal)
        && CreatedAt == other.CreatedAt
        && string.Equals(CreatedBy, other.CreatedBy, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(ExportId), StringComparer.Ordinal.GetHashCode(Sha256));
}

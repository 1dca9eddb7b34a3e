namespace ExportKit.Audit;

/// <summary>
/// Aggregate figures of the export log, as the statistics cards show them. Counts come from
/// <c>export-generated</c> entries (exports), <c>export-downloaded</c> entries (downloads) and <c>error</c> entries
/// (denied and failed attempts); every dictionary and list is sorted ordinally. Two are equal when every figure is,
/// the dictionaries and lists compared by their entries.
/// </summary>
public sealed class ExportStatistics : IEquatable<ExportStatistics>
{
    /// <summary>Gets how many exports were generated.</summary>
    public required long TotalExports { get; init; }

    /// <summary>Gets how many exports were downloaded.</summary>
    public required long TotalDownloads { get; init; }

    /// <summary>Gets how many export attempts policy denied (<c>error</c> entries with <see cref="ExportErrorCodes.PolicyDenied"/>).</summary>
    public long TotalDenied { get; init; }

    /// <summary>Gets how many export attempts failed for any other reason (every other <c>error</c> entry).</summary>
    public long TotalFailed { get; init; }

    /// <summary>Gets the data sources the exports drew from, each once (the fourth statistics card counts them).</summary>
    public IReadOnlyList<string> DataSources { get; init; } = [];

    /// <summary>Gets how many data sources the exports drew from.</summary>
    public int DataSourcesUsed => DataSources.Count;

    /// <summary>
    /// Gets the number of exports per category: every one of the fourteen built-in categories
    /// (<see cref="ExportCategory.BuiltIn"/>), zero when none was generated, and any other category the log names.
    /// </summary>
    public required IReadOnlyDictionary<string, long> ByCategory { get; init; }

    /// <summary>Gets the number of exports per tenant. Exports logged without a tenant are not counted here.</summary>
    public required IReadOnlyDictionary<string, long> ByTenant { get; init; }

    /// <summary>
    /// Gets the number of exports per format: every one of the six built-in formats (<see cref="ExportFormat.BuiltIn"/>),
    /// zero when none was generated, and any other format the log names.
    /// </summary>
    public required IReadOnlyDictionary<string, long> ByFormat { get; init; }

    /// <summary>Gets the mean time an export took, in milliseconds; 0 when there are no exports.</summary>
    public required double AverageGenerationTimeMs { get; init; }

    /// <summary>Gets the mean size of an export, in bytes; 0 when there are no exports.</summary>
    public required double AverageSizeBytes { get; init; }

    /// <summary>Gets how exports and downloads changed over the last 24 hours compared with the 24 hours before.</summary>
    public required ExportTrends Trends { get; init; }

    /// <summary>Compares two sets of statistics by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(ExportStatistics? left, ExportStatistics? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two sets of statistics by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExportStatistics? left, ExportStatistics? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportStatistics);

    /// <inheritdoc />
    public bool Equals(ExportStatistics? other) =>
        other is not null
        && TotalExports == other.TotalExports
        && TotalDownloads == other.TotalDownloads
        && TotalDenied == other.TotalDenied
        && TotalFailed == other.TotalFailed
        && DataSources.SequenceEqual(other.DataSources, StringComparer.Ordinal)
        && SameCounts(ByCategory, other.ByCategory)
        && SameCounts(ByTenant, other.ByTenant)
        && SameCounts(ByFormat, other.ByFormat)
        && AverageGenerationTimeMs.Equals(other.AverageGenerationTimeMs)
        && AverageSizeBytes.Equals(other.AverageSizeBytes)
        && Trends.Equals(other.Trends);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TotalExports, TotalDownloads, TotalDenied + (31 * TotalFailed), ByCategory.Count + (31 * ByTenant.Count), ByFormat.Count, AverageGenerationTimeMs, AverageSizeBytes, Trends);

    private static bool SameCounts(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        a.Count == b.Count && a.All(entry => b.TryGetValue(entry.Key, out var count) && count == entry.Value);
}

namespace ExportKit.Audit;

/// <summary>
/// Aggregate figures of the export log, as the statistics cards show them. Counts come from
/// <c>export-generated</c> entries (exports), <c>export-downloaded</c> entries (downloads) and <c>error</c> entries
/// (denied and failed attempts); every dictionary and list is sorted ordinally.
/// </summary>
public sealed record ExportStatistics
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
}

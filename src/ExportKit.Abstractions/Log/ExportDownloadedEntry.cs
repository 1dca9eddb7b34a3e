using System.Text.Json.Serialization;

namespace ExportKit;

/// <summary>An export was downloaded (<c>export-downloaded</c>).</summary>
public sealed record ExportDownloadedEntry : ExportLogEntry
{
    /// <summary>Gets the bundle's id.</summary>
    public required string BundleId { get; init; }

    /// <summary>Gets the format.</summary>
    public required string Format { get; init; }

    /// <summary>Gets the file name it was served as.</summary>
    public required string FileName { get; init; }

    /// <summary>Gets its size.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets who downloaded it.</summary>
    public required string DownloadedBy { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string EntryType => ExportLogEntryTypes.ExportDownloaded;

    /// <inheritdoc />
    [JsonIgnore]
    public override string UserId => DownloadedBy;
}

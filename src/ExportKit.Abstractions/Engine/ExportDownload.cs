namespace ExportKit;

/// <summary>
/// A download of an export, to be logged and audited. It names the export by its id and tenant; the engine looks the
/// export up in its registry and takes the bundle id, format and size from there, so a download of an export the
/// registry does not know is refused.
/// </summary>
public sealed record ExportDownload
{
    /// <summary>Creates a download.</summary>
    /// <param name="tenantId">The tenant whose export it is.</param>
    /// <param name="exportId">The export's id: <see cref="ExportResult.ExportId"/> of the export that wrote it.</param>
    /// <param name="downloadedBy">The user id of whoever downloaded it.</param>
    /// <exception cref="ArgumentException">An argument is blank or holds a control character (such as a trailing newline).</exception>
    public ExportDownload(string tenantId, string exportId, string downloadedBy)
    {
        TenantId = IdText.Check(tenantId, nameof(tenantId), "A download needs the tenant whose export it is.");
        ExportId = IdText.Check(exportId, nameof(exportId), "A download needs the export's id: pass the ExportId of the ExportResult that wrote it.");
        DownloadedBy = IdText.Check(downloadedBy, nameof(downloadedBy), "A download needs the user id of whoever downloaded it.");
    }

    /// <summary>Gets the tenant whose export it is.</summary>
    public string TenantId { get; }

    /// <summary>Gets the export's id.</summary>
    public string ExportId { get; }

    /// <summary>Gets the user id of whoever downloaded it.</summary>
    public string DownloadedBy { get; }

    /// <summary>
    /// Gets the file name it was served as, or <see langword="null"/> for the name the engine gave it
    /// (<see cref="ExportResult.FileName"/>: the export id and the format's extension).
    /// </summary>
    public string? FileName
    {
        get;
        init => field = IdText.CheckOptional(value, nameof(FileName), "The file name is blank: pass null to use the registry's.");
    }

    /// <summary>
    /// Gets where the download request came from (read with <c>RequestMetadataReader</c>), recorded in the
    /// <c>export.downloaded</c> audit event; or <see langword="null"/>.
    /// </summary>
    public RequestMetadata? Request { get; init; }
}

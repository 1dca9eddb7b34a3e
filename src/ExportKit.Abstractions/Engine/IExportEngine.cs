namespace ExportKit;

/// <summary>
/// Runs exports: policy, bundle assembly, formatting and logging, in that order. Every attempt is logged,
/// whether it is written, denied or fails.
/// </summary>
public interface IExportEngine
{
    /// <summary>Runs one export and writes it to <paramref name="destination"/>.</summary>
    /// <param name="query">What to export.</param>
    /// <param name="principal">Who asks; <see langword="null"/> is denied.</param>
    /// <param name="destination">A writable stream. Nothing is written unless policy allows the export and the
    /// counting pass succeeds; a seekable stream the export is appended to (its position at its end) is cut back to
    /// its starting length if writing fails later.</param>
    /// <param name="cancellationToken">Cancels the export; a cancelled export is logged as an error.</param>
    /// <returns>The outcome: the bundle's summary and file details, or the error code, message and violations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable.</exception>
    Task<ExportResult> ExportAsync(ExportQuery query, ExportPrincipal? principal, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that an export was downloaded: an <c>export-downloaded</c> log entry (bundle id, format and size taken
    /// from the export registry), then an <c>export.downloaded</c> audit event with the download's request metadata.
    /// </summary>
    /// <param name="download">Which export (id and tenant) was downloaded, by whom, from where.</param>
    /// <param name="cancellationToken">Cancels the registry lookup and the write to the log; once the log entry is stored, the audit event is written regardless.</param>
    /// <returns>A task that completes when the entry and the event are stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="download"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The export registry does not know the export in that tenant; nothing is recorded.</exception>
    Task RecordDownloadAsync(ExportDownload download, CancellationToken cancellationToken = default);
}

namespace ExportKit.Audit;

/// <summary>Reads an <see cref="IExportLogStore"/> as the export hub shows it: statistics, history, and the log as JSON or CSV.</summary>
public static class ExportLogExtensions
{
    /// <summary>
    /// Computes the export statistics in one pass over the log, in memory that does not grow with it. Trends compare
    /// the last 24 hours before <paramref name="now"/> with the 24 hours before those (see <see cref="ExportTrends"/>).
    /// </summary>
    /// <param name="store">The log.</param>
    /// <param name="now">The instant the trends are measured back from, usually <see cref="TimeProvider.GetUtcNow"/>.</param>
    /// <param name="tenantId">The tenant to count; <see langword="null"/> for every tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty or white space.</exception>
    public static ValueTask<ExportStatistics> GetStatisticsAsync(
        this IExportLogStore store, DateTimeOffset now, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ThrowIfBlank(tenantId);
        return ExportStatisticsCalculator.ComputeAsync(store, now, tenantId, cancellationToken);
    }

    /// <summary>
    /// Gets the most recent <c>export-generated</c> entries, newest first, keeping no more than
    /// <paramref name="take"/> of them in memory while it reads. Entries with the same timestamp come in reverse log order.
    /// </summary>
    /// <param name="store">The log.</param>
    /// <param name="tenantId">The tenant whose exports to list; <see langword="null"/> for every tenant.</param>
    /// <param name="take">How many entries, from 1 to 1000; the history viewer shows 10.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>At most <paramref name="take"/> entries, newest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="take"/> is not between 1 and 1000.</exception>
    public static ValueTask<IReadOnlyList<ExportGeneratedEntry>> GetHistoryAsync(
        this IExportLogStore store, string? tenantId = null, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ThrowIfBlank(tenantId);
        if (take is < 1 or > ExportHistoryReader.MaxTake)
        {
            throw new ArgumentOutOfRangeException(nameof(take), take, $"Ask for between 1 and {ExportHistoryReader.MaxTake} history entries.");
        }

        return ExportHistoryReader.ReadAsync(store, tenantId, take, cancellationToken);
    }

    /// <summary>
    /// Writes the log as a UTF-8 JSON array (indented, <c>\n</c> line endings, instants in UTC ISO-8601), one object
    /// per entry in log order: <c>entryType</c>, <c>timestamp</c>, <c>tenantId</c>, <c>facilityId</c> when known, then
    /// <c>export</c>, <c>download</c>, <c>decision</c> or <c>error</c>, then <c>generatedBy</c>, <c>downloadedBy</c> or
    /// <c>userId</c>. Entries stream from the store to <paramref name="destination"/>; the same log gives the same bytes.
    /// </summary>
    /// <param name="store">The log.</param>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="filter">Which entries; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read and the writes.</param>
    /// <returns>A task that completes when the JSON is written and <paramref name="destination"/> flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written to.</exception>
    public static ValueTask WriteJsonAsync(
        this IExportLogStore store, Stream destination, ExportLogFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ThrowIfNotWritable(destination);
        return ExportLogJsonWriter.WriteAsync(store, destination, filter, cancellationToken);
    }

    /// <summary>
    /// Writes the log as UTF-8 CSV (RFC 4180, CRLF after every row) with the header
    /// <c>Timestamp,Entry Type,Tenant ID,Facility ID,User ID,Bundle ID,Category,Format,Items,Size Bytes,Allowed,Message</c>
    /// and one row per entry in log order. <c>Message</c> is the reason of a policy decision, the message of an error
    /// and the file name of a download. Cells that a spreadsheet would run as a formula are neutralised
    /// (<see cref="CsvFormulaGuard"/>). Entries stream from the store; the same log gives the same bytes.
    /// </summary>
    /// <param name="store">The log.</param>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="filter">Which entries; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read and the writes.</param>
    /// <returns>A task that completes when the CSV is written and <paramref name="destination"/> flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written to.</exception>
    public static ValueTask WriteCsvAsync(
        this IExportLogStore store, Stream destination, ExportLogFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ThrowIfNotWritable(destination);
        return ExportLogCsvWriter.WriteAsync(store, destination, filter, cancellationToken);
    }

    private static void ThrowIfBlank(string? tenantId)
    {
        if (tenantId is not null && string.IsNullOrWhiteSpace(tenantId))
        {
            throw new ArgumentException("Give a tenant id, or null for every tenant; an empty one matches nothing.", nameof(tenantId));
        }
    }

    private static void ThrowIfNotWritable(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to: pass a writable stream.", nameof(destination));
        }
    }
}

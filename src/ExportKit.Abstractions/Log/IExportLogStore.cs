namespace ExportKit;

/// <summary>Where export log entries are kept: appended, never changed, read back in the order appended.</summary>
public interface IExportLogStore
{
    /// <summary>Appends an entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads the entries that match a filter, oldest first.</summary>
    /// <param name="filter">Which entries; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, CancellationToken cancellationToken = default);
}

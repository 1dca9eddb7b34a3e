namespace ExportKit;

/// <summary>The export registry: every generated export, for traceability and the export history.</summary>
public interface IExportRegistry
{
    /// <summary>
    /// Records an export. Records are never changed: recording the same record again (a retry, or a reproducible
    /// export with fixed ids) does nothing, and a different record with a recorded export id is refused.
    /// </summary>
    /// <param name="record">The export.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="InvalidOperationException">The tenant has a different record with the same export id.</exception>
    ValueTask AddAsync(ExportRecord record, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's exports, newest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="limit">How many at most, from 1 to 1000.</param>
    /// <param name="offset">How many to skip.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The exports.</returns>
    IAsyncEnumerable<ExportRecord> ListAsync(string tenantId, int limit = 50, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>Finds a tenant's export by its id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="exportId">The execution's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The export, or <see langword="null"/>.</returns>
    ValueTask<ExportRecord?> FindAsync(string tenantId, string exportId, CancellationToken cancellationToken = default);
}

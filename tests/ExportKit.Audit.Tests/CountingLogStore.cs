namespace ExportKit.Audit.Tests;

/// <summary>Wraps a store and counts the reads and the entries they yield, to show that a reader streams the log once.</summary>
internal sealed class CountingLogStore(IExportLogStore inner) : IExportLogStore
{
    public int Reads { get; private set; }

    public ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(entry, cancellationToken);

    public IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, CancellationToken cancellationToken = default)
    {
        Reads++;
        return inner.ReadAsync(filter, cancellationToken);
    }
}

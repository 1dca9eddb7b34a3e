using System.Runtime.CompilerServices;

namespace ExportKit.Audit;

/// <summary>
/// An <see cref="IExportLogStore"/> kept in memory, for tests and quick starts: entries are lost when the process ends.
/// It is thread-safe and append-only; a read sees the entries that were stored when it started (a snapshot), oldest
/// first, so appending while reading is safe.
/// </summary>
public sealed class InMemoryExportLogStore : IExportLogStore
{
    private readonly List<ExportLogEntry> entries = [];
    private readonly object gate = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled before the entry was stored.</exception>
    public ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (gate)
        {
            entries.Add(entry);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, CancellationToken cancellationToken = default)
    {
        int count;
        lock (gate)
        {
            count = entries.Count;
        }

        return ReadSnapshotAsync(count, filter, cancellationToken);
    }

    private async IAsyncEnumerable<ExportLogEntry> ReadSnapshotAsync(
        int count, ExportLogFilter? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Entries are never removed or replaced, so the first `count` of them are the snapshot; each is read under
        // the lock because an append may be growing the list at the same time.
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExportLogEntry entry;
            lock (gate)
            {
                entry = entries[i];
            }

            if (filter is null || filter.Matches(entry))
            {
                yield return entry;
            }
        }
    }
}

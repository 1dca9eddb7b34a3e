using System.Globalization;
using System.Runtime.CompilerServices;

namespace ExportKit.Audit;

/// <summary>
/// An <see cref="IExportRegistry"/> kept in memory, for tests and quick starts: records are lost when the process ends.
/// It is thread-safe; a record is added once and never changed, and lists see the records stored when they started.
/// Newest first means the latest <see cref="ExportRecord.CreatedAt"/> first, and among equal instants the one added last.
/// </summary>
public sealed class InMemoryExportRegistry : IExportRegistry
{
    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    internal const int MaxLimit = 1000;

    private readonly List<ExportRecord> records = [];
    // Found by key in constant time: the engine looks every export up before recording it, so a scan would make each
    // export slower than the last over a long-running process.
    private readonly Dictionary<(string TenantId, string ExportId), ExportRecord> byKey = [];
    private readonly object gate = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant or export id is blank.</exception>
    /// <exception cref="InvalidOperationException">The tenant has a different record with the same export id.</exception>
    public ValueTask AddAsync(ExportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(record.TenantId) || string.IsNullOrWhiteSpace(record.ExportId))
        {
            throw new ArgumentException("The record's TenantId and ExportId must not be blank.", nameof(record));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!byKey.TryAdd((record.TenantId, record.ExportId), record))
            {
                if (byKey[(record.TenantId, record.ExportId)].Equals(record))
                {
                    return ValueTask.CompletedTask;
                }

                throw new InvalidOperationException($"Export {record.ExportId} of tenant {record.TenantId} is already recorded with other details: records are never changed; give every execution a new export id.");
            }

            // Kept sorted oldest first (stable for equal instants), so a list reads it backwards.
            var index = records.Count;
            while (index > 0 && records[index - 1].CreatedAt > record.CreatedAt)
            {
                index--;
            }

            records.Insert(index, record);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not from 1 to 1000, or <paramref name="offset"/> is negative.</exception>
    public IAsyncEnumerable<ExportRecord> ListAsync(string tenantId, int limit = 50, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, string.Create(CultureInfo.InvariantCulture, $"limit must be from 1 to {MaxLimit}."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ExportRecord[] snapshot;
        lock (gate)
        {
            snapshot = [.. records];
        }

        return ListSnapshotAsync(snapshot, tenantId, limit, offset, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> or <paramref name="exportId"/> is blank.</exception>
    public ValueTask<ExportRecord?> FindAsync(string tenantId, string exportId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(exportId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(byKey.GetValueOrDefault((tenantId, exportId)));
        }
    }

    private static async IAsyncEnumerable<ExportRecord> ListSnapshotAsync(
        ExportRecord[] snapshot, string tenantId, int limit, int offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int skipped = 0, taken = 0;
        for (var i = snapshot.Length - 1; i >= 0 && taken < limit; i--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!string.Equals(snapshot[i].TenantId, tenantId, StringComparison.Ordinal))
            {
                continue;
            }

            if (skipped < offset)
            {
                skipped++;
                continue;
            }

            taken++;
            yield return snapshot[i];
        }
    }
}

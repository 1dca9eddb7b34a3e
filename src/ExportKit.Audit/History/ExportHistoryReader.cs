namespace ExportKit.Audit;

/// <summary>Reads the most recent <c>export-generated</c> entries, keeping no more than the number asked for.</summary>
internal static class ExportHistoryReader
{
    public const int MaxTake = 1000;

    public static async ValueTask<IReadOnlyList<ExportGeneratedEntry>> ReadAsync(
        IExportLogStore store, string? tenantId, int take, CancellationToken cancellationToken)
    {
        var filter = new ExportLogFilter { TenantId = tenantId, EntryType = ExportLogEntryTypes.ExportGenerated };

        // A min-heap of at most `take` entries, keyed by (timestamp, position in the log): the oldest is dropped
        // first, so the newest remain even when concurrent appends left the log slightly out of time order.
        var newest = new PriorityQueue<ExportGeneratedEntry, (DateTimeOffset Timestamp, long Position)>(take);
        long position = 0;
        await foreach (var entry in store.ReadAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            if (entry is not ExportGeneratedEntry generated)
            {
                continue;
            }

            var key = (generated.Timestamp, position++);
            if (newest.Count < take)
            {
                newest.Enqueue(generated, key);
            }
            else
            {
                newest.EnqueueDequeue(generated, key);
            }
        }

        var history = new ExportGeneratedEntry[newest.Count];
        for (var i = history.Length - 1; i >= 0; i--)
        {
            history[i] = newest.Dequeue();
        }

        return history;
    }
}

using System.Runtime.CompilerServices;

namespace ExportKit.Assembly;

/// <summary>
/// Streams a section's items: merges its sources (each already in order) by (timestamp, item id, phase order),
/// holding one record per source, never the whole section.
/// </summary>
internal sealed class SectionReader(
    ExportSectionDefinition section,
    IReadOnlyDictionary<ExportPhase, IPhaseDataSource> sources,
    PhaseReadRequest request,
    DateTimeOffset now,
    int maxFieldDepth)
{
    public ExportSectionDefinition Section => section;

    public async IAsyncEnumerable<SectionItem> ReadAsync(DropCounter dropped, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursors = new List<SourceCursor>(section.Phases.Count);
        try
        {
            for (var i = 0; i < section.Phases.Count; i++)
            {
                var cursor = new SourceCursor(sources[section.Phases[i]], i, section, request, now, maxFieldDepth, dropped, cancellationToken);
                cursors.Add(cursor);
                if (!await cursor.MoveNextAsync().ConfigureAwait(false))
                {
                    await cursor.DisposeAsync().ConfigureAwait(false);
                    cursors.Remove(cursor);
                }
            }

            while (cursors.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = cursors[0];
                for (var i = 1; i < cursors.Count; i++)
                {
                    if (Compare(cursors[i], next) < 0)
                    {
                        next = cursors[i];
                    }
                }

                yield return next.Current;
                if (!await next.MoveNextAsync().ConfigureAwait(false))
                {
                    await next.DisposeAsync().ConfigureAwait(false);
                    cursors.Remove(next);
                }
            }
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                await cursor.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static int Compare(SourceCursor a, SourceCursor b)
    {
        var x = a.Current.Item;
        var y = b.Current.Item;
        var byTime = x.Timestamp.UtcTicks.CompareTo(y.Timestamp.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byId = string.CompareOrdinal(x.ItemId, y.ItemId);
        return byId != 0 ? byId : a.Order.CompareTo(b.Order);
    }
}

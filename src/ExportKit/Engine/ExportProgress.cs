using System.Runtime.CompilerServices;

namespace ExportKit.Engine;

/// <summary>
/// How many items of a running export the formatter has written so far, for a job's progress. The job runner opens a
/// scope around the export (an <see cref="AsyncLocal{T}"/>, so nothing in the public API changes); the engine, seeing
/// one, hands the formatter sections whose items count themselves. A formatter that reads a section more than once (the
/// ZIP and the auditor package write several entries from it, at the same time) counts as far as its furthest reader.
/// </summary>
internal sealed class ExportProgress
{
    private static readonly AsyncLocal<ExportProgress?> Scope = new();
    private long[] written = [];

    /// <summary>The progress of the export running in this async flow, or <see langword="null"/>.</summary>
    public static ExportProgress? Current => Scope.Value;

    /// <summary>Items written so far, over every section.</summary>
    public long Items
    {
        get
        {
            long total = 0;
            var sections = Volatile.Read(ref written);
            for (var i = 0; i < sections.Length; i++)
            {
                total += Interlocked.Read(ref sections[i]);
            }

            return total;
        }
    }

    /// <summary>Makes <paramref name="progress"/> the current one until the returned scope is disposed.</summary>
    public static IDisposable Begin(ExportProgress progress)
    {
        var previous = Scope.Value;
        Scope.Value = progress;
        return new Restore(previous);
    }

    /// <summary>The bundle with sections whose items are counted as they are read.</summary>
    public ExportBundle Track(ExportBundle bundle)
    {
        var counts = new long[bundle.Sections.Count];
        var sections = new ExportSection[counts.Length];
        for (var i = 0; i < sections.Length; i++)
        {
            var section = bundle.Sections[i];
            sections[i] = new ExportSection(section.SectionId, section.Title, section.Description, section.DataSource, section.Summary, section.ItemCount, section.GeneratedAt, Count(section.Items, counts, i));
        }

        Volatile.Write(ref written, counts);
        return new ExportBundle
        {
            BundleId = bundle.BundleId,
            ExportId = bundle.ExportId,
            Title = bundle.Title,
            Description = bundle.Description,
            Category = bundle.Category,
            Format = bundle.Format,
            Scope = bundle.Scope,
            TimeRange = bundle.TimeRange,
            Sections = sections,
            References = bundle.References,
            Metadata = bundle.Metadata,
        };
    }

    private static async IAsyncEnumerable<ExportItem> Count(IAsyncEnumerable<ExportItem> items, long[] counts, int section, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long read = 0;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            read++;

            // The furthest of the section's readers: raise the count, never lower it.
            for (var seen = Interlocked.Read(ref counts[section]); read > seen; seen = Interlocked.Read(ref counts[section]))
            {
                if (Interlocked.CompareExchange(ref counts[section], read, seen) == seen)
                {
                    break;
                }
            }

            yield return item;
        }
    }

    private sealed class Restore(ExportProgress? previous) : IDisposable
    {
        public void Dispose() => Scope.Value = previous;
    }
}

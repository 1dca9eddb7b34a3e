using System.Runtime.CompilerServices;

namespace ExportKit.Assembly;

/// <summary>
/// The one pass over a section: item count, severity and status counts, references and a content hash, with every
/// item put in the export's spool for the formatter.
/// </summary>
internal sealed class SectionTally
{
    private readonly SortedDictionary<string, long> bySeverity = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> byStatus = new(StringComparer.Ordinal);

    public long ItemCount { get; private set; }

    public byte[] Hash { get; private set; } = [];

    /// <summary>Gets whether the section was read to its end (its counts and hash are final).</summary>
    public bool Completed { get; private set; }

    /// <summary>The pass over a section that counts and hashes every item and spools the first <paramref name="keep"/>.</summary>
    public static async Task<SectionTally> CountAsync(SectionReader reader, DropCounter dropped, SortedSet<string> references, ItemSpool spool, long keep, CancellationToken cancellationToken)
    {
        var tally = new SectionTally();
        using var hash = new BackgroundItemHash();
        await foreach (var projected in reader.ReadAsync(dropped, cancellationToken).ConfigureAwait(false))
        {
            await tally.AddAsync(projected, hash, references).ConfigureAwait(false);
            if (tally.ItemCount <= keep)
            {
                spool.Add(projected.Item);
            }
        }

        await tally.CompleteAsync(hash).ConfigureAwait(false);
        return tally;
    }

    /// <summary>
    /// The same pass as <see cref="CountAsync"/>, yielding each item as it is counted instead of spooling it: for a
    /// formatter that reads each section once, in order, while the sources are read. The tally is
    /// <see cref="Completed"/> once the enumeration has reached the end.
    /// </summary>
    public async IAsyncEnumerable<ExportItem> StreamAsync(SectionReader reader, DropCounter dropped, SortedSet<string> references, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var hash = new BackgroundItemHash();
        await foreach (var projected in reader.ReadAsync(dropped, cancellationToken).ConfigureAwait(false))
        {
            await AddAsync(projected, hash, references).ConfigureAwait(false);
            yield return projected.Item;
        }

        await CompleteAsync(hash).ConfigureAwait(false);
    }

    public SectionSummary ToSummary()
    {
        var severity = bySeverity.Select(p => new SummaryCount(p.Key, p.Value)).ToArray();
        var status = byStatus.Select(p => new SummaryCount(p.Key, p.Value)).ToArray();
        var text = FormattableString.Invariant($"{ItemCount} {(ItemCount == 1 ? "item" : "items")}.")
            + Describe("Severity", severity)
            + Describe("Status", status);
        return new SectionSummary(text, severity, status);
    }

    private static string Describe(string label, SummaryCount[] counts) => counts.Length == 0
        ? string.Empty
        : " " + label + ": " + string.Join(", ", counts.Select(c => FormattableString.Invariant($"{c.Key} {c.Count}"))) + ".";

    private ValueTask AddAsync(SectionItem projected, BackgroundItemHash hash, SortedSet<string> references)
    {
        var item = projected.Item;
        ItemCount++;
        Increment(bySeverity, projected.Severity);
        Increment(byStatus, projected.Status);
        var itemReferences = item.References;
        for (var i = 0; i < itemReferences.Count; i++)
        {
            references.Add(itemReferences[i]);
        }

        return hash.AddAsync(item);
    }

    private async ValueTask CompleteAsync(BackgroundItemHash hash)
    {
        Hash = await hash.FinishAsync().ConfigureAwait(false);
        Completed = true;
    }

    private static void Increment(SortedDictionary<string, long> counts, string? key)
    {
        if (key is not null)
        {
            // One lookup for a key already counted (the common case); a new key is added once.
            if (counts.TryGetValue(key, out var count))
            {
                counts[key] = count + 1;
            }
            else
            {
                counts.Add(key, 1);
            }
        }
    }
}

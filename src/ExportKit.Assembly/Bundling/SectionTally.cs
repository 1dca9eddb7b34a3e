namespace ExportKit.Assembly;

/// <summary>The counting pass over one section: item count, severity and status counts, references and a content hash.</summary>
internal sealed class SectionTally
{
    private readonly SortedDictionary<string, long> bySeverity = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> byStatus = new(StringComparer.Ordinal);

    public long ItemCount { get; private set; }

    public byte[] Hash { get; private set; } = [];

    public static async Task<SectionTally> CountAsync(SectionReader reader, DropCounter dropped, SortedSet<string> references, CancellationToken cancellationToken)
    {
        var tally = new SectionTally();
        using var hash = new CanonicalHash();
        await foreach (var projected in reader.ReadAsync(dropped, cancellationToken).ConfigureAwait(false))
        {
            tally.ItemCount++;
            hash.AddItem(projected.Item);
            Increment(tally.bySeverity, projected.Severity);
            Increment(tally.byStatus, projected.Status);
            foreach (var reference in projected.Item.References)
            {
                references.Add(reference);
            }
        }

        tally.Hash = hash.Finish();
        return tally;
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

    private static void Increment(SortedDictionary<string, long> counts, string? key)
    {
        if (key is not null)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}

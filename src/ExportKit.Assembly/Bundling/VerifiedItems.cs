using System.Runtime.CompilerServices;

namespace ExportKit.Assembly;

/// <summary>
/// A section's items for a formatter: read again from the sources and checked, as they stream, against what the
/// counting pass saw, so that an export never silently mixes two versions of the data.
/// </summary>
internal sealed class VerifiedItems(SectionReader reader, SectionTally tally) : IAsyncEnumerable<ExportItem>
{
    public IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<ExportItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var hash = new CanonicalHash();
        long count = 0;
        await foreach (var projected in reader.ReadAsync(new DropCounter(), cancellationToken).ConfigureAwait(false))
        {
            if (++count > tally.ItemCount)
            {
                throw Changed();
            }

            hash.AddItem(projected.Item);
            yield return projected.Item;
        }

        if (count != tally.ItemCount || !hash.Finish().AsSpan().SequenceEqual(tally.Hash))
        {
            throw Changed();
        }
    }

    private ExportException Changed() => new(
        ExportErrorCodes.SourceChanged,
        $"The records of section '{reader.Section.SectionId}' changed between two reads of the same export; data sources must return the same records for the same request (read from a snapshot or up to a fixed instant).");
}

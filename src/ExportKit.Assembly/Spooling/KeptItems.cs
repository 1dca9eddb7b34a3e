using System.Globalization;

namespace ExportKit.Assembly;

/// <summary>
/// A section of which only the first items were kept, for a formatter that said it reads no more
/// (<see cref="ExportBundleAssembler.BuildAsync(ExportCategoryDefinition, ExportQuery, ExportTimeRange, string, bool, int?, CancellationToken)"/>):
/// it yields them, and a read past them throws instead of ending the section early, which would look like a section
/// shorter than its count.
/// </summary>
internal sealed class KeptItems(IAsyncEnumerable<ExportItem> kept, string sectionId, long itemCount, int limit) : IAsyncEnumerable<ExportItem>
{
    private string SectionId => sectionId;

    private long ItemCount => itemCount;

    private int Limit => limit;

    /// <summary>The section's items: <paramref name="kept"/> itself when nothing was left out.</summary>
    public static IAsyncEnumerable<ExportItem> Of(IAsyncEnumerable<ExportItem> kept, string sectionId, long itemCount, int? limit) =>
        limit is { } keptLimit && itemCount > keptLimit ? new KeptItems(kept, sectionId, itemCount, keptLimit) : kept;

    public IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(this, kept.GetAsyncEnumerator(cancellationToken));

    private sealed class Enumerator(KeptItems owner, IAsyncEnumerator<ExportItem> inner) : IAsyncEnumerator<ExportItem>
    {
        public ExportItem Current => inner.Current;

        public async ValueTask<bool> MoveNextAsync()
        {
            if (await inner.MoveNextAsync().ConfigureAwait(false))
            {
                return true;
            }

            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Section '{owner.SectionId}' has {owner.ItemCount} items, but the bundle keeps only the first {owner.Limit}: it was assembled for a formatter that reads no more of a section. Assemble it without itemsReadPerSection to read them all."));
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

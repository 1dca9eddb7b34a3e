namespace ExportKit.Assembly;

/// <summary>
/// A section's items for a formatter, replayed from the export's spool: the sources were read once, when the bundle
/// was assembled, so every enumeration (a ZIP makes three) yields exactly the items the content hash and the counts
/// describe, without reading the sources again.
/// </summary>
internal sealed class SpooledItems(ItemSpool spool, SpoolPosition start, SpoolPosition end) : IAsyncEnumerable<ExportItem>
{
    public IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new SpoolEnumerator(spool, start, end, cancellationToken);
}

namespace ExportKit.Assembly;

/// <summary>
/// A section's items for a formatter, replayed from the export's spool: the sources were read once, when the bundle
/// was assembled, so every enumeration (a ZIP makes three) yields exactly the items the content hash and the counts
/// describe, without reading the sources again.
/// </summary>
/// <remarks>
/// Decoding an item from the spool file costs about as much as a formatter writing it, so a section with more than
/// <see cref="ReadAheadBytes"/> in the file is decoded on another core (<see cref="ReadAhead{T}"/>) while the formatter
/// writes the items before; the items and their order are the same either way.
/// </remarks>
internal sealed class SpooledItems(ItemSpool spool, SpoolPosition start, SpoolPosition end) : IAsyncEnumerable<ExportItem>
{
    /// <summary>The encoded bytes a section must have in the file before it is decoded in the background.</summary>
    public const long ReadAheadBytes = 256 * 1024;

    public IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        end.FileOffset - start.FileOffset >= ReadAheadBytes
            ? ReadAhead<ExportItem>.Start(new Decoded(spool, start, end), cancellationToken, spool.Closing)
            : new SpoolEnumerator(spool, start, end, cancellationToken);

    // The same stretch decoded on the thread that enumerates it: what the read-ahead runs in the background.
    private sealed class Decoded(ItemSpool spool, SpoolPosition start, SpoolPosition end) : IAsyncEnumerable<ExportItem>
    {
        public IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            new SpoolEnumerator(spool, start, end, cancellationToken);
    }
}

using System.Globalization;

namespace ExportKit.Assembly;

/// <summary>
/// A section's items when the bundle did not keep them all: those it kept, then a refusal instead of an early end,
/// which would look like a section shorter than its count. Either the first items were kept for a formatter that said
/// it reads no more (<see cref="ExportBundleAssembler.BuildAsync(ExportCategoryDefinition, ExportQuery, ExportTimeRange, string, bool, int?, CancellationToken)"/>),
/// or none were, because they were streamed to the formatter as they were read (<see cref="ExportBundleAssembler.StreamAsync"/>).
/// </summary>
internal sealed class KeptItems(IAsyncEnumerable<ExportItem>? kept, string refusal) : IAsyncEnumerable<ExportItem>
{
    /// <summary>The section's items: <paramref name="kept"/> itself when nothing was left out.</summary>
    public static IAsyncEnumerable<ExportItem> Of(IAsyncEnumerable<ExportItem> kept, string sectionId, long itemCount, int? limit) =>
        limit is { } keptLimit && itemCount > keptLimit
            ? new KeptItems(kept, string.Create(CultureInfo.InvariantCulture,
                $"Section '{sectionId}' has {itemCount} items, but the bundle keeps only the first {keptLimit}: it was assembled for a formatter that reads no more of a section. Assemble it without itemsReadPerSection to read them all."))
            : kept;

    /// <summary>The items of a streamed section: none kept.</summary>
    public static IAsyncEnumerable<ExportItem> Streamed(string sectionId) => new KeptItems(null,
        $"The items of section '{sectionId}' were streamed to the formatter as they were read from the sources and are not kept: enumerate them while the bundle is written.");

    public IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(kept?.GetAsyncEnumerator(cancellationToken), refusal);

    private sealed class Enumerator(IAsyncEnumerator<ExportItem>? inner, string refusal) : IAsyncEnumerator<ExportItem>
    {
        public ExportItem Current => inner!.Current;

        public async ValueTask<bool> MoveNextAsync() =>
            inner is not null && await inner.MoveNextAsync().ConfigureAwait(false) ? true : throw new InvalidOperationException(refusal);

        public ValueTask DisposeAsync() => inner?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}

using System.Diagnostics;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Html;

[Collection(nameof(MemoryMeasurements))]
public sealed class HtmlExportFormatterStreamingTests
{
    private const int ItemCount = 200_000;

    [Fact]
    public async Task Streams_200000_items_without_holding_them()
    {
        long? liveGrowthAtEnd = null;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var items = new GeneratedItems(ItemCount, onLast: () => liveGrowthAtEnd = GC.GetTotalMemory(forceFullCollection: true) - baseline);
        var bundle = HtmlOutput.As(TestBundles.WithItems(items, ItemCount), ExportFormat.Html);

        await ExportFormatters.Html().WriteAsync(bundle, Stream.Null, CancellationToken.None);

        Assert.Equal(ItemCount, items.Read);
        Assert.NotNull(liveGrowthAtEnd);
        // Holding 200,000 items would keep ~100 MB alive; the formatter keeps the rendered page and ~16 KB of rows.
        Assert.True(liveGrowthAtEnd < 8 * 1024 * 1024, $"{liveGrowthAtEnd:N0} bytes were still alive after the last item: the items are being held.");
    }

    [Fact]
    public async Task Writes_to_the_destination_while_the_items_stream()
    {
        using var destination = new MemoryStream();
        long writtenBeforeLastItem = 0;
        var bundle = TestBundles.WithItems(new GeneratedItems(5_000, onLast: () => writtenBeforeLastItem = destination.Length), 5_000);

        await ExportFormatters.Html().WriteAsync(bundle, destination, CancellationToken.None);

        Assert.True(writtenBeforeLastItem > destination.Length / 2, $"Only {writtenBeforeLastItem} of {destination.Length} bytes were written before the last item.");
    }
}

using System.Diagnostics;
using ExportKit.Formats.Tests.Html;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Markdown;

[Collection(nameof(MemoryMeasurements))]
public sealed class MarkdownExportFormatterStreamingTests
{
    [Fact]
    public async Task Writes_a_200000_item_export_reading_only_ten_items()
    {
        var items = new GeneratedItems(200_000);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        await ExportFormatters.Markdown().WriteAsync(TestBundles.WithItems(items, 200_000), Stream.Null, CancellationToken.None);

        Assert.Equal(10, items.Read);
        var growth = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        Assert.True(growth < 1024 * 1024, $"{growth:N0} bytes are still alive after the export.");
    }
}

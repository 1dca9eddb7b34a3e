using System.Diagnostics;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Html;

[Collection(nameof(MemoryMeasurements))]
public sealed class HtmlExportFormatterStreamingTests
{
    private const int ItemCount = 200_000;

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

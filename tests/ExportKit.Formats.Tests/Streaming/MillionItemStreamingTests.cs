using System.Runtime.CompilerServices;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Streaming;

/// <summary>
/// The streaming contract: a million generated items go to a null stream, and the memory still alive at the last
/// item is no larger than at the 10,000th — it does not grow with the item count.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class MillionItemStreamingTests
{
    private const int Items = 1_000_000;
    private const int EarlyCheckpoint = 10_000;

    public static TheoryData<string> Formats => new() { "json", "csv", "html", "markdown" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_million_items_stream_in_memory_that_does_not_grow_with_the_count(string format)
    {
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        var formatter = format switch
        {
            "csv" => ExportFormatters.Csv(),
            "html" => ExportFormatters.Html(new HtmlExportOptions { MaxRowsPerSection = 1_000_000 }), // every row, to test streaming
            "markdown" => ExportFormatters.Markdown(),
            _ => ExportFormatters.Json(),
        };
        var probe = new LiveMemoryProbe();
        var bundle = TestBundles.WithItems(Generate(Items, probe), Items).With(it => it.Format, exportFormat!);

        await formatter.WriteAsync(bundle, Stream.Null, CancellationToken.None);

        // Markdown shows the first 10 items of a section and never reads the rest: it must not enumerate a million.
        if (format == "markdown")
        {
            Assert.True(probe.Yielded <= 11, $"Markdown read {probe.Yielded} items of a section; it shows 10.");
            return;
        }

        Assert.Equal(Items, probe.Yielded);
        var growth = probe.AtEnd - probe.AtCheckpoint;
        Assert.True(growth < 4 * 1024 * 1024, $"{format}: {probe.AtCheckpoint:N0} bytes alive at item {EarlyCheckpoint:N0}, {probe.AtEnd:N0} at item {Items:N0}: memory grows with the items.");
    }

    private static async IAsyncEnumerable<ExportItem> Generate(int count, LiveMemoryProbe probe, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = TestBundles.Range.Start;
        for (var i = 0; i < count; i++)
        {
            if (i % 50_000 == 0)
            {
                await Task.Yield();
            }

            if (i == EarlyCheckpoint)
            {
                probe.AtCheckpoint = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (i == count - 1)
            {
                probe.AtEnd = GC.GetTotalMemory(forceFullCollection: true);
            }

            probe.Yielded++;
            var id = $"gen-{i:D7}";
            yield return new ExportItem(id, "generated", start.AddSeconds(i), [new("generatedId", id), new("value", i * 0.25), new("note", "A generated item."), new("tenantId", "acme")]);
        }
    }

    private sealed class LiveMemoryProbe
    {
        public long Yielded { get; set; }

        public long AtCheckpoint { get; set; }

        public long AtEnd { get; set; }
    }
}

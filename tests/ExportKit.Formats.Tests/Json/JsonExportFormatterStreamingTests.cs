using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ExportKit.Formats.Tests.Json;

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

[Collection(nameof(MemoryMeasurements))]
public sealed class JsonExportFormatterStreamingTests
{
    private const int ItemCount = 200_000;

    [Fact]
    public async Task Writes_to_the_destination_in_chunks_while_the_items_stream()
    {
        using var destination = new RecordingStream();
        long writtenBeforeLastItem = 0;
        var bundle = TestBundles.WithItems(Generate(5_000, onLast: () => writtenBeforeLastItem = destination.Length), 5_000);

        await ExportFormatters.Json().WriteAsync(bundle, destination, CancellationToken.None);

        Assert.True(writtenBeforeLastItem > destination.Length / 2, $"Only {writtenBeforeLastItem} of {destination.Length} bytes were written before the last item.");
        Assert.True(destination.LargestWrite < 64 * 1024, $"A single write of {destination.LargestWrite} bytes: the writer should flush every ~16 KB.");
    }

    private static async IAsyncEnumerable<ExportItem> Generate(int count, Action onLast, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = TestBundles.Range.Start;
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (i == count - 1)
            {
                onLast();
            }

            var id = $"gen-{i:D7}";
            yield return new ExportItem(id, "generated", start.AddSeconds(i), [
                new("generatedId", id),
                new("severity", (i % 4) switch { 0 => "critical", 1 => "high", 2 => "medium", _ => "low" }),
                new("value", i * 0.25),
                new("count", i),
                new("at", start.AddSeconds(i)),
                new("note", "A generated item with a sentence of text to give it some weight."),
                new("tenantId", "acme"),
                new("facilityId", null),
            ]);
        }
    }

    private sealed class RecordingStream : MemoryStream
    {
        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}

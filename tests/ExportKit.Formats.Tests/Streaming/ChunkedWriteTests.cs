using ExportKit.Formats.Tests.Html;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Streaming;

/// <summary>The text formats write to the destination while the items stream, in chunks of about 16 KB, not at the end.</summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class ChunkedWriteTests
{
    public static TheoryData<string> Formats => new() { "json", "csv", "html" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Writes_to_the_destination_in_chunks_while_the_items_stream(string format)
    {
        var formatter = format switch { "csv" => ExportFormatters.Csv(), "html" => ExportFormatters.Html(new HtmlExportOptions { MaxRowsPerSection = 5_000 }), _ => ExportFormatters.Json() };
        using var destination = new LargestWriteStream();
        long writtenBeforeLastItem = 0;
        var bundle = TestBundles.WithItems(new GeneratedItems(5_000, onLast: () => writtenBeforeLastItem = destination.Length), 5_000);

        await formatter.WriteAsync(bundle, destination, CancellationToken.None);

        Assert.True(writtenBeforeLastItem > destination.Length / 2, $"{format}: only {writtenBeforeLastItem} of {destination.Length} bytes were written before the last item.");
        Assert.True(destination.LargestWrite < 64 * 1024, $"{format}: a single write of {destination.LargestWrite} bytes; the writer should flush every ~16 KB.");
    }

    private sealed class LargestWriteStream : MemoryStream
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

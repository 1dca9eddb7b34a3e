using System.Buffers;
using System.Text.Json;

namespace ExportKit.Audit;

/// <summary>
/// Writes the export log as an indented JSON array, one object per entry in the shape of the specification's log
/// entry types. Entries are written as they are read and the buffer is handed to the destination every few kilobytes,
/// so memory does not grow with the log.
/// </summary>
internal static class ExportLogJsonWriter
{
    private const int FlushThreshold = 16 * 1024;

    public static async ValueTask WriteAsync(
        IExportLogStore store, Stream destination, ExportLogFilter? filter, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        var options = new JsonWriterOptions
        {
            Indented = true,
#if NET9_0_OR_GREATER
            NewLine = "\n",
#endif
        };

        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartArray();
            await foreach (var entry in store.ReadAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                ExportLogJsonEntry.Write(json, entry);
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (buffer.WrittenCount >= FlushThreshold)
                {
                    await CopyAsync(buffer, destination, cancellationToken).ConfigureAwait(false);
                }
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        buffer.Write("\n"u8);
        await CopyAsync(buffer, destination, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask CopyAsync(ArrayBufferWriter<byte> buffer, Stream destination, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        await destination.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
#else
        // Before .NET 9 an indented Utf8JsonWriter ends lines with Environment.NewLine: dropped, as in the JSON format.
        await CarriageReturnFilterStream.WriteWithoutCarriageReturnsAsync(destination, buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
#endif
        buffer.ResetWrittenCount();
    }
}

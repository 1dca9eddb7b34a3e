namespace ExportKit;

/// <summary>
/// Passes writes through without their CR bytes. Before .NET 9 an indented <c>Utf8JsonWriter</c> ends lines with
/// <c>Environment.NewLine</c> ("\r\n" on Windows); JSON strings escape CR as <c>\r</c>, so every raw CR byte is part
/// of a line ending, and dropping them gives "\n" on every operating system. Used only by the net8.0 build (the
/// JSON formatter and the export log's JSON).
/// </summary>
/// <remarks>Shared internal plumbing: linked into each package that needs it (src/Shared).</remarks>
internal sealed class CarriageReturnFilterStream(Stream inner) : WriteOnlyStream(inner)
{
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var cr = buffer.IndexOf((byte)'\r');
            Inner.Write(cr < 0 ? buffer : buffer[..cr]);
            buffer = cr < 0 ? [] : buffer[(cr + 1)..];
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        WriteWithoutCarriageReturnsAsync(Inner, buffer, cancellationToken);

    /// <summary>Writes bytes to a stream without their CR bytes, for a writer that holds its own buffer.</summary>
    public static async ValueTask WriteWithoutCarriageReturnsAsync(Stream destination, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            var cr = buffer.Span.IndexOf((byte)'\r');
            await destination.WriteAsync(cr < 0 ? buffer : buffer[..cr], cancellationToken).ConfigureAwait(false);
            buffer = cr < 0 ? ReadOnlyMemory<byte>.Empty : buffer[(cr + 1)..];
        }
    }
}

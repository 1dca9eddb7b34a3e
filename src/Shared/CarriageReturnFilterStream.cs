namespace ExportKit;

/// <summary>
/// Passes writes through without their CR bytes. Before .NET 9 an indented <c>Utf8JsonWriter</c> ends lines with
/// <c>Environment.NewLine</c> ("\r\n" on Windows); JSON strings escape CR as <c>\r</c>, so every raw CR byte is part
/// of a line ending, and dropping them gives "\n" on every operating system. Used only by the net8.0 build (the
/// JSON formatter and the export log's JSON).
/// </summary>
/// <remarks>Shared internal plumbing: linked into each package that needs it (src/Shared).</remarks>
internal sealed class CarriageReturnFilterStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var cr = buffer.IndexOf((byte)'\r');
            inner.Write(cr < 0 ? buffer : buffer[..cr]);
            buffer = cr < 0 ? [] : buffer[(cr + 1)..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        WriteWithoutCarriageReturnsAsync(inner, buffer, cancellationToken);

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

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

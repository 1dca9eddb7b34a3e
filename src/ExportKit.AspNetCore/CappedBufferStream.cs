namespace ExportKit.AspNetCore;

/// <summary>
/// A seekable in-memory stream (so a ZIP is written exactly as into a job's file) that refuses to grow past a cap:
/// a direct export larger than the host allows fails while it is written, and is never held whole.
/// </summary>
internal sealed class CappedBufferStream(long maxBytes) : MemoryStream
{
    public bool Exceeded { get; private set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    public override void SetLength(long value)
    {
        Check(value - Position);
        base.SetLength(value);
    }

    private void Check(long count)
    {
        if (Position + count > maxBytes)
        {
            Exceeded = true;
            throw new IOException(FormattableString.Invariant($"The export is larger than the {maxBytes} bytes a direct export may be."));
        }
    }
}

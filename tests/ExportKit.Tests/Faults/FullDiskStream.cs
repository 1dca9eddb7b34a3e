namespace ExportKit.Tests.Faults;

/// <summary>A seekable stream that holds <paramref name="capacity"/> bytes and then fails every write as a full disk does.</summary>
internal sealed class FullDiskStream(long capacity, bool failTruncation = false) : MemoryStream
{
    public override void SetLength(long value)
    {
        if (failTruncation)
        {
            throw new IOException("Input/output error");
        }

        base.SetLength(value);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
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

    private void Check(int count)
    {
        if (Position + count > capacity)
        {
            throw new IOException("No space left on device");
        }
    }
}

/// <summary>A forward-only stream (like a network response) that fails after <paramref name="capacity"/> bytes.</summary>
internal sealed class FullForwardOnlyStream(long capacity) : Stream
{
    private long written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        written += count;
        if (written > capacity)
        {
            throw new IOException("No space left on device");
        }
    }
}

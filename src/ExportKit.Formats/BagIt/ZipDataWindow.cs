namespace ExportKit.Formats.BagIt;

/// <summary>A read-only window on an entry's stored bytes in the archive. It seeks before every read, so windows on one archive can be read in turns.</summary>
internal sealed class ZipDataWindow(Stream archive, long start, long length) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - position);
        if (wanted <= 0)
        {
            return 0;
        }

        archive.Position = start + position;
        var read = archive.Read(buffer[..wanted]);
        position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, length - position);
        if (wanted <= 0)
        {
            return 0;
        }

        archive.Position = start + position;
        var read = await archive.ReadAsync(buffer[..wanted], cancellationToken).ConfigureAwait(false);
        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

namespace ExportKit.Formats.BagIt;

/// <summary>A read-only pass-through that ends (and calls <c>exceeded</c> once) when more than <c>limit</c> bytes were read: a file that grows, or a device, cannot make the verifier read forever.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit, Action exceeded) : Stream
{
    private long total;
    private bool stopped;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Account(stopped ? 0 : inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Account(stopped ? 0 : await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(int read)
    {
        total += read;
        if (!stopped && total > limit)
        {
            stopped = true;
            exceeded();
        }

        return read;
    }
}

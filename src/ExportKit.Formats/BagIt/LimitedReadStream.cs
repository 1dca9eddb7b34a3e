namespace ExportKit.Formats.BagIt;

/// <summary>A read-only pass-through that ends (and calls <c>exceeded</c> once) when more than <c>limit</c> bytes were read: a file that grows, or a device, cannot make the verifier read forever.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit, Action exceeded) : ReadOnlyStream
{
    private long total;
    private bool stopped;

    public override long Position { get => total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Account(stopped ? 0 : inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Account(stopped ? 0 : await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

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

namespace ExportKit.Formats.Zip;

/// <summary>
/// Where one entry's compressed bytes wait for their turn in the archive: memory up to 4 MiB, then a private
/// temporary file (deleted on dispose), so a large export's entries do not hold memory that grows with its size.
/// </summary>
internal sealed class SpillBuffer(string? temporaryDirectory) : Stream
{
    private const int MemoryLimit = 4 * 1024 * 1024;
    private Stream inner = new MemoryStream();
    private bool spilled;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Length;
        set => throw new NotSupportedException();
    }

    public async Task CopyToAsync(Stream destination, long length, CancellationToken cancellationToken)
    {
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        inner.Position = 0;
        await inner.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        if (inner.Position != length)
        {
            throw new InvalidOperationException("A ZIP entry's temporary file changed while the archive was written.");
        }
    }

    public Stream OpenRead()
    {
        inner.Flush();
        inner.Position = 0;
        return inner;
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!spilled && inner.Length + buffer.Length > MemoryLimit)
        {
            var file = Staging.PrivateTemporaryFile.Create(temporaryDirectory, "entry");
            var memory = (MemoryStream)inner;
            file.Write(memory.GetBuffer(), 0, (int)memory.Length);
            inner = file;
            spilled = true;
        }

        inner.Write(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

namespace ExportKit;

/// <summary>
/// The skeleton of a write-only pass-through stream (hashing, filtering, counting what a formatter writes): it cannot
/// read or seek, flushes the inner stream, and routes the array overloads of <c>Write</c> to the span ones, so a
/// derived stream writes only its two <c>Write</c> methods. Disposing it does not close the inner stream.
/// </summary>
/// <remarks>Shared internal plumbing: linked into each package that needs it (src/Shared).</remarks>
internal abstract class WriteOnlyStream(Stream inner) : Stream
{
    /// <summary>Gets the stream written to.</summary>
    protected Stream Inner { get; } = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public abstract override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default);

    public sealed override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public sealed override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public sealed override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();
}

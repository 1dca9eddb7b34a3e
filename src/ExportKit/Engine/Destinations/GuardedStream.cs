namespace ExportKit.Engine.Destinations;

/// <summary>
/// A pass-through that marks every failure of the underlying stream as the destination's
/// (<see cref="DestinationFailedException"/>), so that a formatter's wrapping (CsvHelper wraps writer exceptions)
/// cannot hide that the disk is full or read-only.
/// </summary>
internal sealed class GuardedStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => Guard(() => inner.Length);

    public override long Position
    {
        get => Guard(() => inner.Position);
        set => Guard(() => inner.Position = value);
    }

    public override void Flush() => Guard(() => { inner.Flush(); return 0; });

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDestinationFailure(ex))
        {
            throw new DestinationFailedException(ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Guard(() => inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDestinationFailure(ex))
        {
            throw new DestinationFailedException(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Guard(() => inner.Seek(offset, origin));

    public override void SetLength(long value) => Guard(() => { inner.SetLength(value); return 0; });

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (IsDestinationFailure(ex))
        {
            throw new DestinationFailedException(ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDestinationFailure(ex))
        {
            throw new DestinationFailedException(ex);
        }
    }

    // Cancellation is the caller's, not the destination's; everything else the stream throws is the destination failing.
    private static bool IsDestinationFailure(Exception exception) => exception is not OperationCanceledException and not DestinationFailedException;

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (IsDestinationFailure(ex) && ex is not NotSupportedException)
        {
            throw new DestinationFailedException(ex);
        }
    }
}

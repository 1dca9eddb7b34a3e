using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Engine.Destinations;

/// <summary>
/// Computes the output's SHA-256 and size while the formatter writes, over a seekable destination, which the
/// formatter may seek. Bytes written in order at the end of what was written so far are hashed as they pass; if the
/// formatter writes anywhere else (a ZIP writer patching a header it wrote earlier), the running hash no longer
/// describes the output, <see cref="Sequential"/> turns false, and the caller must hash the finished output instead.
/// </summary>
internal sealed class OutputHashingStream(Stream inner, long start) : Stream
{
    [SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "Formatters dispose the stream they are given; the hash must outlive that. Finish disposes it.")]
    private readonly BackgroundSha256 hash = new();
    private readonly long origin = start;
    private long position = start;
    private long end = start;

    /// <summary>Gets whether every byte was written in order, so that <see cref="Finish"/> describes the output.</summary>
    public bool Sequential { get; private set; } = true;

    private long Written => end - origin;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => position;
        set
        {
            inner.Position = value;
            position = value;
        }
    }

    /// <summary>Ends the hash: the output's size (from the start) and its SHA-256 in lowercase hex.</summary>
    public (long Size, string Sha256) Finish()
    {
        using (hash)
        {
            return (Written, Convert.ToHexString(hash.Finish()).ToLowerInvariant());
        }
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => position = inner.Seek(offset, origin);

    public override void SetLength(long value)
    {
        inner.SetLength(value);
        if (value < end)
        {
            Sequential = false;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Observe(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (IsAppend())
        {
            await hash.AppendAsync(buffer).ConfigureAwait(false);
        }

        Advance(buffer.Length);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    private void Observe(ReadOnlySpan<byte> buffer)
    {
        if (IsAppend())
        {
            hash.Append(buffer);
        }

        Advance(buffer.Length);
    }

    // Whether a write at the current position extends the output; any other write makes the stream's hash unusable.
    private bool IsAppend()
    {
        if (position == end && Sequential)
        {
            return true;
        }

        Sequential = false;
        return false;
    }

    private void Advance(int count)
    {
        position += count;
        end = Math.Max(end, position);
    }
}

using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace ExportKit.Formats.Zip;

/// <summary>
/// What a formatter writes one ZIP entry into when entries are compressed concurrently: it counts the bytes, keeps
/// their CRC-32 (and, for a package's payload, their SHA-256) and deflates them into the entry's buffer. Writes and
/// (if asked) flushes reach the deflater exactly as they would through ZipArchive's entry stream, so the compressed
/// bytes are the same.
/// </summary>
internal sealed class EntryContentStream : Stream
{
    private readonly Crc32 crc = new();
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "A formatter may dispose the stream it is given before the entry is finished; Finish and Release end the hash.")]
    private readonly IncrementalHash? sha256;
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "A formatter may dispose the stream it is given; the deflate stream is ended by Finish or Release, and the entry's buffer belongs to the entry.")]
    private readonly Stream target;
    private readonly bool deflating;

    private readonly bool passFlushes;

    public EntryContentStream(SpillBuffer buffer, CompressionLevel level, bool withSha256, bool passFlushes)
    {
        this.passFlushes = passFlushes;
        deflating = level != CompressionLevel.NoCompression;
        target = deflating ? new DeflateStream(buffer, level, leaveOpen: true) : buffer;
        sha256 = withSha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    }

    public long BytesWritten { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Ends the deflate stream and returns the entry's CRC-32 and SHA-256 (null when not asked for).</summary>
    public (uint Crc32, string? Sha256) Finish()
    {
        if (deflating)
        {
            target.Dispose();
        }

        var sha = sha256 is null ? null : Convert.ToHexString(sha256.GetHashAndReset()).ToLowerInvariant();
        sha256?.Dispose();
        return (crc.GetCurrentHashAsUInt32(), sha);
    }

    // A flush ends a deflate block early (a sync flush). The ZIP passes them on, as its entry streams always did; a
    // package's payload was staged and copied in 0.2, so its deflater never saw them: passing none keeps its bytes.
    public override void Flush()
    {
        if (passFlushes)
        {
            target.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => passFlushes ? target.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Observe(buffer);
        target.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Observe(buffer.Span);
        target.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the deflater and hash if <see cref="Finish"/> was not reached (the formatter failed).</summary>
    public void Release()
    {
        if (deflating)
        {
            target.Dispose();
        }

        sha256?.Dispose();
    }

    private void Observe(ReadOnlySpan<byte> buffer)
    {
        crc.Append(buffer);
        sha256?.AppendData(buffer);
        BytesWritten += buffer.Length;
    }
}

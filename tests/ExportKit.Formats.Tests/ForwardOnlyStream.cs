namespace ExportKit.Formats.Tests;

/// <summary>A stream that can only be written forward, as an HTTP response body is: writes go to <see cref="Inner"/>.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public ForwardOnlyStream()
        : this(new MemoryStream())
    {
    }

    public Stream Inner { get; } = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => Inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);
}

using System.Buffers;
using System.Buffers.Binary;

namespace ExportKit.Assembly;

/// <summary>
/// Reads one section's stretch of the spool: its held items, then its encoded items from the file, through one
/// pooled buffer. Everything completes synchronously (the file is local, private and in the page cache).
/// </summary>
internal sealed class SpoolEnumerator(ItemSpool spool, SpoolPosition start, SpoolPosition end, CancellationToken cancellationToken) : IAsyncEnumerator<ExportItem>
{
    private const int BufferSize = 64 * 1024;
    private int heldIndex = start.HeldIndex;
    private long fileOffset = start.FileOffset;
    private byte[]? buffer;
    private int bufferStart;
    private int bufferEnd;
    private ItemCodec.Reader? reader;

    public ExportItem Current { get; private set; } = null!;

    public ValueTask<bool> MoveNextAsync()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (heldIndex < end.HeldIndex)
        {
            Current = spool.Held(heldIndex++);
            return new ValueTask<bool>(true);
        }

        if (fileOffset >= end.FileOffset)
        {
            return new ValueTask<bool>(false);
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(Fill(ItemCodec.LengthPrefix));
        var body = Fill(ItemCodec.LengthPrefix + length)[ItemCodec.LengthPrefix..];
        reader ??= new ItemCodec.Reader();
        Current = reader.Decode(body);
        bufferStart += ItemCodec.LengthPrefix + length;
        fileOffset += ItemCodec.LengthPrefix + length;
        return new ValueTask<bool>(true);
    }

    public ValueTask DisposeAsync()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }

        return ValueTask.CompletedTask;
    }

    // Makes the next `count` bytes of the section contiguous in the buffer and returns them.
    private ReadOnlySpan<byte> Fill(int count)
    {
        buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
        if (bufferEnd - bufferStart >= count)
        {
            return buffer.AsSpan(bufferStart, count);
        }

        if (count > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(count);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
            bufferStart = bufferEnd = 0;
        }
        else if (bufferStart > 0)
        {
            buffer.AsSpan(bufferStart, bufferEnd - bufferStart).CopyTo(buffer);
            bufferEnd -= bufferStart;
            bufferStart = 0;
        }

        // The buffer holds the bytes from fileOffset on; read more after them, never past the section's end.
        while (bufferEnd - bufferStart < count)
        {
            var at = fileOffset + (bufferEnd - bufferStart);
            var room = (int)Math.Min(buffer.Length - bufferEnd, end.FileOffset - at);
            var read = room <= 0 ? 0 : spool.Read(at, buffer.AsSpan(bufferEnd, room));
            if (read <= 0)
            {
                throw new InvalidDataException("The export's spool file ended early: it was changed while the export ran.");
            }

            bufferEnd += read;
        }

        return buffer.AsSpan(bufferStart, count);
    }
}

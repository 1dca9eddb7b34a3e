using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Assembly;

/// <summary>
/// SHA-256 over an unambiguous encoding of strings and values: every string is length-prefixed and every value
/// carries a type tag, so no two different contents hash the same way by concatenation. The canonical bytes are
/// gathered in a pooled buffer and hashed a block at a time (one native call per 16 KiB instead of several per
/// field); scalars are formatted into the buffer, never into strings. The digest is the same as hashing each piece.
/// </summary>
internal sealed class CanonicalHash : IDisposable
{
    private const int BufferSize = 16 * 1024;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int length;

    public void Add(string value) => Add(value.AsSpan());

    public void Add(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    public void AddValue(object? value)
    {
        switch (value)
        {
            case null:
                Add("n");
                break;
            case string s:
                Add("s");
                Add(s);
                break;
            case IReadOnlyList<ExportField> fields:
                AddFields(fields);
                break;
            default:
                Add(Tag(value));
                Span<char> text = stackalloc char[64];
                if (!ExportValueText.TryFormatScalar(value, text, out var written))
                {
                    Add(ExportValueText.ToInvariantString(value));
                    break;
                }

                Add(text[..written]);
                break;
        }
    }

    public void AddItem(ExportItem item)
    {
        Add(item.ItemId);
        Add(item.ItemType);
        Add(item.Timestamp.UtcTicks);
        AddFields(item.Data);
        var references = item.References;
        Add(references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            Add(references[i]);
        }
    }

    public byte[] Finish()
    {
        Flush();
        return hash.GetHashAndReset();
    }

    public void Dispose()
    {
        hash.Dispose();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private void AddFields(IReadOnlyList<ExportField> fields)
    {
        Add("o");
        Add(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            Add(field.Name);
            AddValue(field.Value);
        }
    }

    private void Add(ReadOnlySpan<char> value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length) + 4;
        if (max > BufferSize)
        {
            // A long string: hash it through a buffer of its own.
            Flush();
            var large = ArrayPool<byte>.Shared.Rent(max);
            var count = Encoding.UTF8.GetBytes(value, large.AsSpan(4));
            BinaryPrimitives.WriteInt32LittleEndian(large, count);
            hash.AppendData(large, 0, count + 4);
            ArrayPool<byte>.Shared.Return(large);
            return;
        }

        Ensure(max);
        var written = Encoding.UTF8.GetBytes(value, buffer.AsSpan(length + 4));
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(length), written);
        length += written + 4;
    }

    private void Ensure(int more)
    {
        if (length + more > BufferSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (length > 0)
        {
            hash.AppendData(buffer, 0, length);
            length = 0;
        }
    }

    private static string Tag(object value) => value switch
    {
        bool => "b",
        int or long => "i",
        double => "d",
        decimal => "m",
        DateTimeOffset => "t",
        _ => "?",
    };
}

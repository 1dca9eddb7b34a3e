using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Assembly;

/// <summary>
/// SHA-256 over an unambiguous encoding of strings and values: every string is length-prefixed and every value
/// carries a type tag, so no two different contents hash the same way by concatenation.
/// </summary>
internal sealed class CanonicalHash : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] buffer = new byte[256];

    public void Add(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (buffer.Length < length + 4)
        {
            buffer = new byte[Math.Max(length + 4, buffer.Length * 2)];
        }

        BinaryPrimitives.WriteInt32LittleEndian(buffer, length);
        Encoding.UTF8.GetBytes(value, buffer.AsSpan(4));
        hash.AppendData(buffer, 0, length + 4);
    }

    public void Add(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }

    public void AddValue(object? value)
    {
        switch (value)
        {
            case null:
                Add("n");
                break;
            case IReadOnlyList<ExportField> fields:
                Add("o");
                Add(fields.Count);
                foreach (var field in fields)
                {
                    Add(field.Name);
                    AddValue(field.Value);
                }

                break;
            default:
                Add(Tag(value));
                Add(ExportValueText.ToInvariantString(value));
                break;
        }
    }

    public void AddItem(ExportItem item)
    {
        Add(item.ItemId);
        Add(item.ItemType);
        Add(item.Timestamp.UtcTicks);
        AddValue(item.Data);
        Add(item.References.Count);
        foreach (var reference in item.References)
        {
            Add(reference);
        }
    }

    public byte[] Finish() => hash.GetHashAndReset();

    public void Dispose() => hash.Dispose();

    private static string Tag(object value) => value switch
    {
        string => "s",
        bool => "b",
        int or long => "i",
        double => "d",
        decimal => "m",
        DateTimeOffset => "t",
        _ => "?",
    };
}

using System.Buffers.Binary;
using System.Text;

namespace ExportKit.Assembly;

/// <summary>
/// SHA-256 over an unambiguous encoding of strings and values: every string is length-prefixed and every value
/// carries a type tag, so no two different contents hash the same way by concatenation. The canonical bytes are
/// encoded into pooled 64 KiB chunks that another core hashes while the export reads on (<see cref="BackgroundSha256"/>);
/// scalars are formatted into the chunk, never into strings. The digest is the same as hashing each piece.
/// </summary>
internal sealed class CanonicalHash : IDisposable
{
    // The canonical bytes are encoded straight into the hasher's chunks and hashed on another core (BackgroundSha256).
    private readonly BackgroundSha256 hash = new();

    public void Add(string value) => Add(value.AsSpan());

    public void Add(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(hash.GetSpan(8), value);
        hash.Advance(8);
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

    public byte[] Finish() => hash.Finish();

    public void Dispose() => hash.Dispose();

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
        var span = hash.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length) + 4);
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, written);
        hash.Advance(written + 4);
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

using System.Buffers.Binary;

namespace ExportKit.Assembly;

/// <summary>
/// SHA-256 over an unambiguous encoding of strings and values: every string is length-prefixed and every value
/// carries a type tag, so no two different contents hash the same way by concatenation. The canonical bytes are
/// encoded into pooled 64 KiB chunks that another core hashes while the export reads on (<see cref="BackgroundSha256"/>);
/// scalars are formatted into the chunk, never into strings. The digest is the same as hashing each piece.
/// </summary>
internal sealed class CanonicalHash : IDisposable
{
    // The canonical bytes are encoded straight into the hasher's chunks and hashed on another core (BackgroundSha256),
    // or on this thread when the encoding itself already runs in the background (BackgroundItemHash).
    private readonly BackgroundSha256 hash;

    public CanonicalHash(bool inline = false) => hash = new BackgroundSha256(inline);

    private CanonicalHash(BackgroundSha256 hash) => this.hash = hash;

    /// <summary>An encoder that hashes nothing: its bytes are taken (<see cref="TakeEncoded"/>) for another hash's <see cref="AddEncoded"/>.</summary>
    public static CanonicalHash Encoding() => new(BackgroundSha256.Keeping());

    /// <summary>Takes what an <see cref="Encoding"/> encoder encoded since the last call, as pooled chunks in order.</summary>
    public (byte[] Bytes, int Count)[] TakeEncoded() => hash.TakeKept();

    /// <summary>Hashes bytes another encoder encoded (<see cref="TakeEncoded"/>), as if the items had been added here; returns the chunks to the pool.</summary>
    public void AddEncoded((byte[] Bytes, int Count)[] chunks)
    {
        foreach (var (bytes, count) in chunks)
        {
            hash.Append(bytes.AsSpan(0, count));
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public void Add(string value) => Add(value.AsSpan());

    public void Add(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(hash.GetSpan(8), value);
        hash.Advance(8);
    }

    public void AddValue(object? value)
    {
        // Each case writes exactly what Add(tag) and Add(text) write (a length-prefixed UTF-8 string each), with the
        // scalar formatted straight to UTF-8 bytes: no char buffer, no transcoding, no type test repeated for the tag.
        switch (value)
        {
            case null:
                AddTag((byte)'n');
                break;
            case string s:
                AddTag((byte)'s');
                Add(s);
                break;
            case DateTimeOffset t:
                AddTag((byte)'t');
                AddFormatted(t.UtcDateTime, "O");
                break;
            case int i:
                AddTag((byte)'i');
                AddFormatted(i, default);
                break;
            case long l:
                AddTag((byte)'i');
                AddFormatted(l, default);
                break;
            case bool b:
                AddTag((byte)'b');
                Add(b ? "true" : "false");
                break;
            case double d:
                AddTag((byte)'d');
                AddFormatted(d, "R");
                break;
            case decimal m:
                AddTag((byte)'m');
                AddFormatted(m, default);
                break;
            case IReadOnlyList<ExportField> fields:
                AddFields(fields);
                break;
            default:
                // ExportField refuses any other type when the field is made; kept for the encoding's completeness.
                AddTag((byte)'?');
                Add(ExportValueText.ToInvariantString(value));
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
        AddTag((byte)'o');
        Add(fields.Count);

        // The projections' lists are arrays or List<T>: walk them as spans, not through the interface (a virtual call
        // per field on the hottest path).
        var span = fields switch
        {
            ExportField[] array => array,
            List<ExportField> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
            _ => default,
        };
        if (span.IsEmpty && fields.Count > 0)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[i];
                Add(field.Name);
                AddValue(field.Value);
            }

            return;
        }

        foreach (ref readonly var field in span)
        {
            Add(field.Name);
            AddValue(field.Value);
        }
    }

    // Add("x") for a one-character ASCII tag: length 1, then the byte.
    private void AddTag(byte tag)
    {
        var span = hash.GetSpan(5);
        BinaryPrimitives.WriteInt32LittleEndian(span, 1);
        span[4] = tag;
        hash.Advance(5);
    }

    // Add(value.ToString(format, InvariantCulture)) for a scalar whose text is ASCII: formatted into the chunk as UTF-8.
    private void AddFormatted<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        const int MaxScalarLength = 64;
        var span = hash.GetSpan(MaxScalarLength + 4);
        if (!value.TryFormat(span[4..], out var written, format, System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException(FormattableString.Invariant($"A {typeof(T).Name} did not fit {MaxScalarLength} bytes."));
        }

        BinaryPrimitives.WriteInt32LittleEndian(span, written);
        hash.Advance(written + 4);
    }

    private void Add(ReadOnlySpan<char> value)
    {
        // Utf8.FromUtf16 writes what Encoding.UTF8 does (a lone surrogate becomes U+FFFD) with less overhead per string.
        var span = hash.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(value.Length) + 4);
        System.Text.Unicode.Utf8.FromUtf16(value, span[4..], out _, out var written);
        BinaryPrimitives.WriteInt32LittleEndian(span, written);
        hash.Advance(written + 4);
    }
}

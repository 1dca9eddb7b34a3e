using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ExportKit.Assembly;

/// <summary>
/// The spool's encoding of an item: exact (every value keeps its type, a time keeps its offset), compact, and private
/// to one export. Each item is <c>[int32 length][body]</c>; strings are a 7-bit-encoded length and UTF-8 bytes.
/// </summary>
internal static partial class ItemCodec
{
    public const int LengthPrefix = 4;

    private const byte Null = 0;
    private const byte String = 1;
    private const byte False = 2;
    private const byte True = 3;
    private const byte Int32 = 4;
    private const byte Int64 = 5;
    private const byte Double = 6;
    private const byte Decimal = 7;
    private const byte Instant = 8;
    private const byte Nested = 9;

    /// <summary>An estimate of the memory an item holds, for the spool's budget (not exact, and need not be).</summary>
    public static long Estimate(ExportItem item)
    {
        long size = 96 + (2L * item.ItemId.Length);
        var data = item.Data;
        for (var i = 0; i < data.Count; i++)
        {
            size += 48 + (data[i].Value is string s ? 2L * s.Length : 0);
        }

        return size + (item.References.Count * 48L);
    }

    /// <summary>Encodes items into one reused buffer.</summary>
    internal sealed class Writer : IDisposable
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(4096);
        private int length;

        public ReadOnlySpan<byte> Encode(ExportItem item)
        {
            length = LengthPrefix;
            WriteString(item.ItemId);
            WriteString(item.ItemType);
            WriteInt64(item.Timestamp.UtcTicks);
            WriteFields(item.Data);
            var references = item.References;
            WriteCount(references.Count);
            for (var i = 0; i < references.Count; i++)
            {
                WriteString(references[i]);
            }

            BinaryPrimitives.WriteInt32LittleEndian(buffer, length - LengthPrefix);
            return buffer.AsSpan(0, length);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }

        private void WriteFields(IReadOnlyList<ExportField> fields)
        {
            WriteCount(fields.Count);
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[i];
                WriteString(field.Name);
                WriteValue(field.Value);
            }
        }

        private void WriteValue(object? value)
        {
            switch (value)
            {
                case null:
                    WriteByte(Null);
                    break;
                case string s:
                    WriteByte(String);
                    WriteString(s);
                    break;
                case bool b:
                    WriteByte(b ? True : False);
                    break;
                case int i:
                    WriteByte(Int32);
                    WriteInt64(i);
                    break;
                case long l:
                    WriteByte(Int64);
                    WriteInt64(l);
                    break;
                case double d:
                    WriteByte(Double);
                    WriteInt64(BitConverter.DoubleToInt64Bits(d));
                    break;
                case decimal m:
                    WriteByte(Decimal);
                    Span<int> bits = stackalloc int[4];
                    decimal.GetBits(m, bits);
                    foreach (var part in bits)
                    {
                        WriteInt64(part);
                    }

                    break;
                case DateTimeOffset t:
                    WriteByte(Instant);
                    WriteInt64(t.UtcTicks);
                    WriteInt64((long)t.Offset.TotalMinutes);
                    break;
                case IReadOnlyList<ExportField> nested:
                    WriteByte(Nested);
                    WriteFields(nested);
                    break;
                default:
                    throw new InvalidOperationException($"A field value of type '{value.GetType()}' reached the spool; ExportField admits only the types ExportValueText lists.");
            }
        }

        private void WriteString(string value)
        {
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            Ensure(max + 5);
            var count = Encoding.UTF8.GetBytes(value, buffer.AsSpan(length + 5));
            var prefix = WriteCountAt(length, count);
            if (prefix != 5)
            {
                buffer.AsSpan(length + 5, count).CopyTo(buffer.AsSpan(length + prefix));
            }

            length += prefix + count;
        }

        private void WriteCount(int count)
        {
            Ensure(5);
            length += WriteCountAt(length, count);
        }

        private int WriteCountAt(int at, int count)
        {
            var written = 0;
            var remaining = (uint)count;
            while (remaining >= 0x80)
            {
                buffer[at + written++] = (byte)(remaining | 0x80);
                remaining >>= 7;
            }

            buffer[at + written++] = (byte)remaining;
            return written;
        }

        private void WriteByte(byte value)
        {
            Ensure(1);
            buffer[length++] = value;
        }

        private void WriteInt64(long value)
        {
            Ensure(8);
            BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(length), value);
            length += 8;
        }

        private void Ensure(int more)
        {
            if (length + more > buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + more));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }
    }
}

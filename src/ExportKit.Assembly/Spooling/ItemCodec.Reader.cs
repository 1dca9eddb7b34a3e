using System.Buffers.Binary;
using System.Text;

namespace ExportKit.Assembly;

internal static partial class ItemCodec
{
    private static readonly object TrueBox = true;
    private static readonly object FalseBox = false;

    /// <summary>
    /// Decodes items. Names and repeated short values come from a small cache of ASCII strings, and a field equal to
    /// the item's id reuses it, so an item costs its item, its field array, its id and its non-string values.
    /// </summary>
    internal sealed class Reader
    {
        private const int CacheSize = 1024;
        private const int CacheableLength = 48;
        private readonly string?[] cache = new string?[CacheSize];
        private string lastId = string.Empty;

        public ExportItem Decode(ReadOnlySpan<byte> body)
        {
            var at = 0;
            var id = ReadString(body, ref at, cacheable: false);
            lastId = id;
            var type = ReadString(body, ref at, cacheable: true);
            var ticks = ReadInt64(body, ref at);
            var data = ReadFields(body, ref at);
            var count = ReadCount(body, ref at);
            var references = count == 0 ? [] : new string[count];
            for (var i = 0; i < count; i++)
            {
                references[i] = ReadString(body, ref at, cacheable: true);
            }

            return new ExportItem(id, type, new DateTimeOffset(ticks, TimeSpan.Zero), data, references);
        }

        private ExportField[] ReadFields(ReadOnlySpan<byte> body, ref int at)
        {
            var count = ReadCount(body, ref at);
            if (count == 0)
            {
                return [];
            }

            var fields = new ExportField[count];
            for (var i = 0; i < count; i++)
            {
                var name = ReadString(body, ref at, cacheable: true);
                fields[i] = new ExportField(name, ReadValue(body, ref at));
            }

            return fields;
        }

        private object? ReadValue(ReadOnlySpan<byte> body, ref int at)
        {
            var tag = body[at++];
            switch (tag)
            {
                case Null: return null;
                case String: return ReadString(body, ref at, cacheable: true);
                case True: return TrueBox;
                case False: return FalseBox;
                case Int32: return (int)ReadInt64(body, ref at);
                case Int64: return ReadInt64(body, ref at);
                case Double: return BitConverter.Int64BitsToDouble(ReadInt64(body, ref at));
                case Decimal:
                    Span<int> bits = stackalloc int[4];
                    for (var i = 0; i < 4; i++)
                    {
                        bits[i] = (int)ReadInt64(body, ref at);
                    }

                    return new decimal(bits);
                case Instant:
                    var utcTicks = ReadInt64(body, ref at);
                    var offset = TimeSpan.FromMinutes(ReadInt64(body, ref at));
                    return new DateTimeOffset(utcTicks + offset.Ticks, offset);
                case Nested: return ReadFields(body, ref at);
                default: throw new InvalidDataException($"The export's spool file holds an unknown value tag {tag}: it was changed while the export ran.");
            }
        }

        private string ReadString(ReadOnlySpan<byte> body, ref int at, bool cacheable)
        {
            var length = ReadCount(body, ref at);
            var utf8 = body.Slice(at, length);
            at += length;
            if (length == 0)
            {
                return string.Empty;
            }

            if (utf8.Length == lastId.Length && System.Text.Ascii.Equals(utf8, lastId))
            {
                return lastId;
            }

            if (!cacheable || length > CacheableLength)
            {
                return Encoding.UTF8.GetString(utf8);
            }

            var slot = (int)(Hash(utf8) % CacheSize);
            if (cache[slot] is { } cached && cached.Length == length && System.Text.Ascii.Equals(utf8, cached))
            {
                return cached;
            }

            var text = Encoding.UTF8.GetString(utf8);
            if (System.Text.Ascii.IsValid(utf8))
            {
                cache[slot] = text;
            }

            return text;
        }

        private static uint Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = 2166136261u;
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 16777619u;
            }

            return hash;
        }

        private static long ReadInt64(ReadOnlySpan<byte> body, ref int at)
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(body[at..]);
            at += 8;
            return value;
        }

        private static int ReadCount(ReadOnlySpan<byte> body, ref int at)
        {
            uint value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = body[at++];
                value |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return (int)value;
        }
    }
}

using System.Buffers.Binary;

namespace ExportKit.Formats.BagIt;

/// <summary>Reads the ZIP64 extended information extra field (id 0x0001): the 64-bit values of fields whose 32-bit header value is all ones.</summary>
internal static class ZipExtraFields
{
    public static void ResolveZip64(ReadOnlySpan<byte> extra, ref ulong uncompressed, ref ulong compressed, ref ulong localOffset, ref ushort disk, string name)
    {
        var needUncompressed = uncompressed == 0xFFFFFFFF;
        var needCompressed = compressed == 0xFFFFFFFF;
        var needOffset = localOffset == 0xFFFFFFFF;
        if (!needUncompressed && !needCompressed && !needOffset)
        {
            return;
        }

        var field = Find(extra, 0x0001);
        if (needUncompressed)
        {
            uncompressed = Take(ref field, name);
        }

        if (needCompressed)
        {
            compressed = Take(ref field, name);
        }

        if (needOffset)
        {
            localOffset = Take(ref field, name);
        }

        if (disk == 0xFFFF && field.Length >= 4)
        {
            disk = (ushort)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(field), 0xFFFE);
        }
    }

    /// <summary>Returns the data of the first extra field with the given id, or an empty span.</summary>
    public static ReadOnlySpan<byte> Find(ReadOnlySpan<byte> extra, ushort id)
    {
        while (extra.Length >= 4)
        {
            var fieldId = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (extra.Length < 4 + size)
            {
                break;
            }

            if (fieldId == id)
            {
                return extra.Slice(4, size);
            }

            extra = extra[(4 + size)..];
        }

        return [];
    }

    private static ulong Take(ref ReadOnlySpan<byte> field, string name)
    {
        if (field.Length < 8)
        {
            throw new InvalidDataException($"the entry '{name}' needs a ZIP64 extra field with its 64-bit sizes or offset, and has none or a short one");
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(field);
        field = field[8..];
        return value;
    }
}

using System.Buffers.Binary;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Reads an entry's local header, the one a streaming extractor trusts, and says how it disagrees with the central
/// directory: name, method, and (without a data descriptor) CRC-32 and sizes. Sets <see cref="ZipEntryRecord.DataOffset"/>.
/// </summary>
internal static class ZipLocalHeader
{
    private const uint Signature = 0x04034b50;
    private const int HeaderLength = 30;

    /// <summary>Returns the problem with the local header, or <see langword="null"/> when it agrees with the central directory.</summary>
    public static (BagProblemKind Kind, string Reason)? Check(Stream zip, ZipEntryRecord entry, long centralDirectoryOffset)
    {
        var end = (ulong)centralDirectoryOffset;
        if (entry.LocalHeaderOffset > end || end - entry.LocalHeaderOffset < HeaderLength)
        {
            return (BagProblemKind.CorruptArchive, $"its local header offset {entry.LocalHeaderOffset} lies outside the archive's entry data");
        }

        var header = new byte[HeaderLength];
        zip.Position = (long)entry.LocalHeaderOffset;
        zip.ReadExactly(header);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var dataOffset = entry.LocalHeaderOffset + HeaderLength + (ulong)nameLength + (ulong)extraLength;
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Signature || dataOffset > end || end - dataOffset < entry.CompressedSize)
        {
            return (BagProblemKind.CorruptArchive, $"its local header is missing, or its {entry.CompressedSize} bytes of data run past the entry data into the central directory");
        }

        var rest = new byte[nameLength + extraLength];
        zip.ReadExactly(rest);
        var name = rest.AsSpan(0, nameLength);
        if (!name.SequenceEqual(entry.NameBytes))
        {
            var (localName, _) = ZipCentralDirectory.DecodeName(name.ToArray(), utf8Flag: true);
            return (BagProblemKind.HeaderMismatch, $"its local header names it '{localName}', which a streaming extractor would write instead");
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)) != entry.Method)
        {
            return (BagProblemKind.HeaderMismatch, "its local header gives another compression method than the central directory");
        }

        if (!entry.HasDataDescriptor)
        {
            ulong compressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(18));
            ulong uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(22));
            ulong offset = 0;
            ushort disk = 0;
            try
            {
                ZipExtraFields.ResolveZip64(rest.AsSpan(nameLength), ref uncompressed, ref compressed, ref offset, ref disk, entry.Name);
            }
            catch (InvalidDataException error)
            {
                return (BagProblemKind.CorruptArchive, error.Message);
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(14)) != entry.Crc32 || compressed != entry.CompressedSize || uncompressed != entry.UncompressedSize)
            {
                return (BagProblemKind.HeaderMismatch, "its local header declares another CRC-32 or size than the central directory");
            }
        }

        entry.DataOffset = (long)dataOffset;
        return null;
    }
}

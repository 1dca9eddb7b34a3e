using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Reads a ZIP archive's end-of-central-directory record (ZIP64 too) and every central directory entry, with
/// overflow-safe bounds checks against the stream's length. Throws <see cref="InvalidDataException"/> with a message
/// saying what is wrong when the structure cannot be trusted.
/// </summary>
internal static class ZipCentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EntryHeaderLength = 46;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads every entry, or returns <see langword="null"/> when the stream has no end-of-central-directory record (it is not a ZIP archive).</summary>
    public static List<ZipEntryRecord>? Read(Stream zip, out long centralDirectoryOffset)
    {
        var length = zip.Length;
        centralDirectoryOffset = 0;
        if (FindEnd(zip, length) is not var (endOffset, end))
        {
            return null;
        }

        ulong count = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(10));
        ulong size = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(12));
        ulong offset = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(16));
        var disk = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(4));
        var directoryDisk = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(6));
        if (count == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF)
        {
            (count, size, offset) = ReadZip64End(zip, endOffset);
        }
        else if (disk != 0 || directoryDisk != 0)
        {
            throw new InvalidDataException("the archive is split over several disks, which this verifier does not read");
        }

        if (offset > (ulong)length || size > (ulong)length - offset)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the central directory ({size} bytes at offset {offset}) lies outside the {length}-byte archive"));
        }

        if (count > size / EntryHeaderLength)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the archive declares {count} entries, more than its {size}-byte central directory can hold"));
        }

        centralDirectoryOffset = (long)offset;
        zip.Position = (long)offset;
        var directory = new byte[size];
        zip.ReadExactly(directory);
        var entries = new List<ZipEntryRecord>((int)count);
        var position = 0;
        for (ulong i = 0; i < count; i++)
        {
            entries.Add(ReadEntry(directory, ref position, i));
        }

        if (position != directory.Length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the central directory has {directory.Length - position} bytes after its {count} declared entries, which some extractors read as more entries"));
        }

        return entries;
    }

    private static (long Offset, byte[] Record)? FindEnd(Stream zip, long length)
    {
        if (length < 22)
        {
            return null;
        }

        var tailLength = (int)Math.Min(length, 22 + 0xFFFF);
        var tail = new byte[tailLength];
        zip.Position = length - tailLength;
        zip.ReadExactly(tail);
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature && i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20)) <= tailLength)
            {
                return (length - tailLength + i, tail[i..(i + 22)]);
            }
        }

        return null;
    }

    private static (ulong Count, ulong Size, ulong Offset) ReadZip64End(Stream zip, long endOffset)
    {
        if (endOffset < 20)
        {
            throw new InvalidDataException("its end record asks for ZIP64 but the ZIP64 locator is missing");
        }

        var locator = new byte[20];
        zip.Position = endOffset - 20;
        zip.ReadExactly(locator);
        var recordOffset = BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature || recordOffset > (ulong)(endOffset - 20) || (ulong)(endOffset - 20) - recordOffset < 56)
        {
            throw new InvalidDataException("its ZIP64 end-of-central-directory locator is missing or points outside the archive");
        }

        var record = new byte[56];
        zip.Position = (long)recordOffset;
        zip.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature)
        {
            throw new InvalidDataException("its ZIP64 end-of-central-directory record is missing");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(16)) != 0 || BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(20)) != 0)
        {
            throw new InvalidDataException("the archive is split over several disks, which this verifier does not read");
        }

        return (BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)), BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48)));
    }

    private static ZipEntryRecord ReadEntry(byte[] directory, ref int position, ulong index)
    {
        var header = directory.AsSpan(position);
        if (header.Length < EntryHeaderLength || BinaryPrimitives.ReadUInt32LittleEndian(header) != EntrySignature)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"central directory entry {index + 1} is missing or truncated"));
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        if (header.Length < EntryHeaderLength + nameLength + extraLength + commentLength)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"central directory entry {index + 1} runs past the end of the central directory"));
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var nameBytes = header.Slice(EntryHeaderLength, nameLength).ToArray();
        var (name, decodes) = DecodeName(nameBytes, (flags & 0x800) != 0);
        ulong compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        ulong uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
        ulong localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
        var diskStart = BinaryPrimitives.ReadUInt16LittleEndian(header[34..]);
        ZipExtraFields.ResolveZip64(header.Slice(EntryHeaderLength + nameLength, extraLength), ref uncompressed, ref compressed, ref localOffset, ref diskStart, name);
        if (diskStart != 0)
        {
            throw new InvalidDataException($"the entry '{name}' starts on another disk: split archives are not read");
        }

        position += EntryHeaderLength + nameLength + extraLength + commentLength;
        return new ZipEntryRecord
        {
            Name = name,
            NameBytes = nameBytes,
            NameDecodes = decodes,
            VersionMadeBy = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]),
            Flags = flags,
            Method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]),
            Crc32 = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]),
            CompressedSize = compressed,
            UncompressedSize = uncompressed,
            LocalHeaderOffset = localOffset,
            ExternalAttributes = BinaryPrimitives.ReadUInt32LittleEndian(header[38..]),
        };
    }

    /// <summary>Decodes a name as UTF-8; without the UTF-8 flag only ASCII is unambiguous (extractors read other bytes as CP437 or the local code page).</summary>
    internal static (string Name, bool Decodes) DecodeName(byte[] bytes, bool utf8Flag)
    {
        try
        {
            var name = StrictUtf8.GetString(bytes);
            return (name, utf8Flag || Array.TrueForAll(bytes, b => b < 0x80));
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.UTF8.GetString(bytes), false);
        }
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ExportKit.Formats.Zip;

/// <summary>
/// Writes precompressed entries as one archive, front to back, with no seeking: each local header already knows its
/// entry's CRC-32 and sizes. The bytes are those ZipArchive writes to a seekable stream (the same header fields, the
/// fixed timestamp and attributes of <see cref="DeterministicZipArchive"/>), so the archive does not depend on which
/// writer made it nor on what the destination stream can do. An archive that needs Zip64 (an entry or the archive
/// over 4 GiB, or over 65,535 entries) is handed to ZipArchive instead.
/// </summary>
internal static class SequentialZipWriter
{
    private const ushort Version = 20;
    private const ushort DosTime = 0;
    private const ushort DosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01, DeterministicZipArchive.EntryTimestamp
    private const uint UnixFileAttributes = 0x81A40000;

    // "Version made by": the specification version, and the host system ZipArchive records (0 Windows, 3 Unix).
    private static readonly ushort MadeBy = (ushort)(Version | ((OperatingSystem.IsWindows() ? 0 : 3) << 8));

    public static async Task WriteAsync(Stream destination, IReadOnlyList<PrecompressedEntry> entries, CompressionLevel level, string? temporaryDirectory, CancellationToken cancellationToken)
    {
        if (NeedsZip64(entries))
        {
            await DeterministicZipArchive.WriteAsync(destination, level, temporaryDirectory, async (zip, ct) =>
            {
                foreach (var entry in entries)
                {
                    await zip.AddAsync(entry.Name, entry.CopyContentToAsync, ct).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var offsets = new long[entries.Count];
        long offset = 0;
        string? last = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (last is not null && string.CompareOrdinal(last, entry.Name) >= 0)
            {
                throw new ArgumentException($"ZIP entry '{entry.Name}' comes after '{last}'; add entries once each, in ordinal name order, so the archive is deterministic.", nameof(entries));
            }

            last = entry.Name;
            offsets[i] = offset;
            var header = LocalHeader(entry, level);
            await destination.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await entry.CopyCompressedToAsync(destination, cancellationToken).ConfigureAwait(false);
            offset += header.Length + entry.CompressedLength;
        }

        var directoryStart = offset;
        for (var i = 0; i < entries.Count; i++)
        {
            var record = CentralRecord(entries[i], offsets[i], level);
            await destination.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            offset += record.Length;
        }

        await destination.WriteAsync(EndOfCentralDirectory(entries.Count, offset - directoryStart, directoryStart), cancellationToken).ConfigureAwait(false);
    }

    private static bool NeedsZip64(IReadOnlyList<PrecompressedEntry> entries)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.Length >= uint.MaxValue || entry.CompressedLength >= uint.MaxValue)
            {
                return true;
            }

            total += 30 + 46 + (2L * Encoding.UTF8.GetByteCount(entry.Name)) + entry.CompressedLength;
        }

        return entries.Count >= ushort.MaxValue || total >= uint.MaxValue;
    }

    private static byte[] LocalHeader(PrecompressedEntry entry, CompressionLevel level)
    {
        var name = Encoding.UTF8.GetBytes(entry.Name);
        var header = new byte[30 + name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x04034B50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Flags(entry, level));
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], Method(entry));
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], entry.Crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], (uint)entry.CompressedLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], (uint)entry.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], 0);
        name.CopyTo(span[30..]);
        return header;
    }

    private static byte[] CentralRecord(PrecompressedEntry entry, long offset, CompressionLevel level)
    {
        var name = Encoding.UTF8.GetBytes(entry.Name);
        var record = new byte[46 + name.Length];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x02014B50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], MadeBy);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], Flags(entry, level));
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], Method(entry));
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], entry.Crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)entry.CompressedLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)entry.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
        // Extra field, comment, disk number and internal attributes: all zero.
        BinaryPrimitives.WriteUInt32LittleEndian(span[38..], UnixFileAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], (uint)offset);
        name.CopyTo(span[46..]);
        return record;
    }

    private static byte[] EndOfCentralDirectory(int count, long size, long start)
    {
        var end = new byte[22];
        var span = end.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)start);
        return end;
    }

    private static ushort Method(PrecompressedEntry entry) => entry.Deflated ? (ushort)8 : (ushort)0;

    // Bit 11: the name is UTF-8 (ZipArchive sets it only for a name that is not ASCII). Bits 1 and 2: the archive's
    // compression level, as ZipArchive records it since .NET 9 (maximum 01, super fast 11, normal 00), even on an
    // empty entry that it stores.
    private static ushort Flags(PrecompressedEntry entry, CompressionLevel level)
    {
        var flags = entry.Name.Any(c => c > 0x7F) ? 0x0800 : 0;
#if NET9_0_OR_GREATER
        flags |= level switch
        {
            CompressionLevel.SmallestSize => 0x2,
            CompressionLevel.Fastest => 0x6,
            _ => 0,
        };
#endif
        return (ushort)flags;
    }
}

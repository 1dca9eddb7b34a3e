using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace ExportKit.Formats.Tests.BagIt;

/// <summary>Writes ZIP archives byte by byte, so a test can forge any header field an attacker could: CRC, sizes, names, attributes, ZIP64.</summary>
internal static class RawZip
{
    public static byte[] Build(IEnumerable<RawZipEntry> entries)
    {
        using var zip = new MemoryStream();
        var central = new MemoryStream();
        var count = 0;
        foreach (var entry in entries)
        {
            count++;
            var stored = entry.Compressed ?? (entry.Method == 8 ? Deflate(entry.Data) : entry.Data);
            var crc = entry.Crc ?? Crc32.HashToUInt32(entry.Data);
            var size = entry.DeclaredSize ?? (ulong)entry.Data.Length;
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var localName = entry.LocalName is null ? name : Encoding.UTF8.GetBytes(entry.LocalName);
            var zip64 = size >= uint.MaxValue;
            var extra = zip64 ? Zip64Extra(size, (ulong)stored.Length) : [];
            var flags = (ushort)(entry.Flags | (name.Any(b => b >= 0x80) ? 0x800 : 0));
            var offset = (uint)zip.Position;

            Write(zip, 0x04034b50u, (ushort)(zip64 ? 45 : 20), flags, entry.Method, (ushort)0, (ushort)0x21, crc,
                zip64 ? uint.MaxValue : (uint)stored.Length, zip64 ? uint.MaxValue : (uint)size, (ushort)localName.Length, (ushort)extra.Length);
            zip.Write(localName);
            zip.Write(extra);
            zip.Write(stored);

            Write(central, 0x02014b50u, entry.VersionMadeBy, (ushort)(zip64 ? 45 : 20), flags, entry.Method, (ushort)0, (ushort)0x21, crc,
                zip64 ? uint.MaxValue : (uint)stored.Length, zip64 ? uint.MaxValue : (uint)size, (ushort)name.Length, (ushort)extra.Length,
                (ushort)0, (ushort)0, (ushort)0, entry.ExternalAttributes, offset);
            central.Write(name);
            central.Write(extra);
        }

        var centralOffset = (uint)zip.Position;
        central.Position = 0;
        central.CopyTo(zip);
        Write(zip, 0x06054b50u, (ushort)0, (ushort)0, (ushort)count, (ushort)count, (uint)central.Length, centralOffset, (ushort)0);
        return zip.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Reads every entry of an archive written by System.IO.Compression back as raw entries, to be forged and rebuilt.</summary>
    public static List<RawZipEntry> ReadEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var content = new MemoryStream();
            using (var stream = e.Open())
            {
                stream.CopyTo(content);
            }

            return new RawZipEntry { Name = e.FullName, Data = content.ToArray(), ExternalAttributes = (uint)e.ExternalAttributes };
        })];
    }

    private static byte[] Zip64Extra(ulong uncompressed, ulong compressed)
    {
        var extra = new byte[20];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), 16);
        BinaryPrimitives.WriteUInt64LittleEndian(extra.AsSpan(4), uncompressed);
        BinaryPrimitives.WriteUInt64LittleEndian(extra.AsSpan(12), compressed);
        return extra;
    }

    private static void Write(Stream stream, params object[] fields)
    {
        Span<byte> buffer = stackalloc byte[4];
        foreach (var field in fields)
        {
            switch (field)
            {
                case ushort value:
                    BinaryPrimitives.WriteUInt16LittleEndian(buffer, value);
                    stream.Write(buffer[..2]);
                    break;
                case uint value:
                    BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
                    stream.Write(buffer);
                    break;
                default:
                    throw new ArgumentException($"Unexpected field type {field.GetType()}.", nameof(fields));
            }
        }
    }
}

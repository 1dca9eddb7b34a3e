using System.Text;

namespace ExportKit.Formats.Tests.BagIt;

/// <summary>One entry for <see cref="RawZip"/>: the real content and, optionally, the forged values its headers declare.</summary>
internal sealed class RawZipEntry
{
    public required string Name { get; init; }

    public byte[] Data { get; init; } = [];

    public string Text { init => Data = Encoding.UTF8.GetBytes(value); }

    /// <summary>Gets the stored bytes when they are not the deflated (or stored) <see cref="Data"/>.</summary>
    public byte[]? Compressed { get; init; }

    public ushort Method { get; init; } = 8;

    public ushort Flags { get; init; }

    public uint? Crc { get; init; }

    /// <summary>Gets the uncompressed size both headers declare; ZIP64 fields are written from 2^32 - 1 up.</summary>
    public ulong? DeclaredSize { get; init; }

    public string? LocalName { get; init; }

    /// <summary>Gets the "version made by": Unix (3) in the high byte, as Info-ZIP on Linux writes.</summary>
    public ushort VersionMadeBy { get; init; } = 0x031E;

    public uint ExternalAttributes { get; init; } = 0x81A4u << 16;
}

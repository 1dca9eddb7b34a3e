namespace ExportKit.Formats.BagIt;

/// <summary>One entry of a ZIP archive's central directory, as stored (sizes and offsets already resolved through ZIP64).</summary>
internal sealed class ZipEntryRecord
{
    public required string Name { get; init; }

    public required byte[] NameBytes { get; init; }

    /// <summary>Gets a value indicating whether the name bytes are valid for its flag: UTF-8 when bit 11 is set, ASCII otherwise.</summary>
    public required bool NameDecodes { get; init; }

    public required ushort VersionMadeBy { get; init; }

    public required ushort Flags { get; init; }

    public required ushort Method { get; init; }

    public required uint Crc32 { get; init; }

    public required ulong CompressedSize { get; init; }

    public required ulong UncompressedSize { get; init; }

    public required ulong LocalHeaderOffset { get; init; }

    public required uint ExternalAttributes { get; init; }

    /// <summary>Gets or sets where the entry's data starts, once its local header was read; -1 when it could not be.</summary>
    public long DataOffset { get; set; } = -1;

    /// <summary>Gets or sets a value indicating whether the entry must not be read (a problem was already reported that makes reading it unsafe or pointless).</summary>
    public bool Refused { get; set; }

    /// <summary>Gets or sets a value indicating whether the entry was read to its end and its CRC-32 and length checked.</summary>
    public bool Verified { get; set; }

    public bool IsDirectory => Name.EndsWith('/');

    public bool IsEncrypted => (Flags & 0x1) != 0;

    public bool HasDataDescriptor => (Flags & 0x8) != 0;
}

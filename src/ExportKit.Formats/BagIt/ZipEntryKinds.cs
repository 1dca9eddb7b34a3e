namespace ExportKit.Formats.BagIt;

/// <summary>
/// Reads an entry's file type from its external attributes: the Unix mode in the high 16 bits (S_IFMT) when the
/// entry was made on Unix or carries one, and the DOS reparse-point bit. Only regular files and directories are safe.
/// </summary>
internal static class ZipEntryKinds
{
    private const uint TypeMask = 0xF000;
    private const uint RegularFile = 0x8000;
    private const uint Directory = 0x4000;
    private const uint DosReparsePoint = 0x400;

    /// <summary>Returns what special kind of file the entry is (a symbolic link, a FIFO…), or <see langword="null"/> for a regular file or directory.</summary>
    public static string? Special(ZipEntryRecord entry)
    {
        var type = (entry.ExternalAttributes >> 16) & TypeMask;
        var madeOnUnix = entry.VersionMadeBy >> 8 is 3 or 19; // Unix, OS X
        if ((madeOnUnix || type != 0) && type is not (0 or RegularFile or Directory))
        {
            return type switch
            {
                0xA000 => "a symbolic link",
                0x1000 => "a FIFO",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                _ => $"a special file (Unix type 0x{type:X4})",
            };
        }

        return (entry.ExternalAttributes & DosReparsePoint) != 0 ? "a reparse point (a Windows link)" : null;
    }
}

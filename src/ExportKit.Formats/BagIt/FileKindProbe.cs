using System.Runtime.InteropServices;
using System.Text;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Tells a regular file from a FIFO, device or socket without opening it (opening a FIFO blocks). .NET exposes a file's
/// type bits nowhere public (<see cref="FileSystemInfo.UnixFileMode"/> holds only permissions), so on Unix this asks the
/// runtime's own native shim for <c>lstat</c>: its status structure starts with two 32-bit fields, flags and mode, in
/// every .NET version. Where that call is not available the answer is "unknown", and the caller refuses the file.
/// </summary>
internal static class FileKindProbe
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>Returns <see langword="null"/> for a regular file, otherwise what it is.</summary>
    public static string? Special(FileInfo file)
    {
        if (file.LinkTarget is not null || file.Attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            return "a symbolic link or reparse point";
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var status = new byte[512];
        try
        {
            if (LStat([.. Encoding.UTF8.GetBytes(file.FullName), 0], status) != 0)
            {
                return "a file whose type could not be read";
            }
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return "a file whose type could not be read on this platform";
        }

        var type = BitConverter.ToInt32(status, 4) & TypeMask;
        return type switch
        {
            RegularFile => null,
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0xA000 => "a symbolic link",
            _ => $"a special file (Unix type 0x{type:X4})",
        };
    }

    // DllImport rather than LibraryImport: the generated marshaller would need AllowUnsafeBlocks in the whole package.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LStat(byte[] utf8Path, [Out] byte[] status);
}

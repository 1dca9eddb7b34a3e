using Microsoft.Win32.SafeHandles;

namespace ExportKit.Assembly;

/// <summary>
/// The spool's private temporary file: created for the owner only (0600 on Unix), held exclusively, deleted on close.
/// Its name matches what ExportKit.Formats' stale-file sweep removes, so a killed process leaves nothing behind for
/// long. Reads are positional, so readers do not share a file position.
/// </summary>
internal sealed class SpoolFile : IDisposable
{
    private readonly FileStream stream;
    private readonly SafeFileHandle handle;

    private SpoolFile(FileStream stream)
    {
        this.stream = stream;
        handle = stream.SafeFileHandle;
    }

    public long Length { get; private set; }

    public static SpoolFile Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "exportkit-spool-" + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 64 * 1024,
            Options = FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new SpoolFile(new FileStream(path, options));
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Length += bytes.Length;
    }

    public void Flush() => stream.Flush();

    public int Read(long offset, Span<byte> destination) => RandomAccess.Read(handle, destination, offset);

    public void Dispose() => stream.Dispose();
}

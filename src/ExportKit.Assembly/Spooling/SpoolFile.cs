using Microsoft.Win32.SafeHandles;

namespace ExportKit.Assembly;

/// <summary>
/// The spool's private temporary file: created for the owner only (0600 on Unix), held exclusively, deleted on close.
/// Its name matches what ExportKit.Formats' stale-file sweep removes, so a killed process leaves nothing behind for
/// long. Reads are positional, so readers do not share a file position. It lives in the host's temporary directory
/// (<see cref="SpoolDirectory"/>), and a directory that cannot take it fails the export with a message naming it.
/// </summary>
internal sealed class SpoolFile : IDisposable
{
    private readonly FileStream stream;
    private readonly SafeFileHandle handle;
    private readonly string where;
    private readonly string? configured;

    private SpoolFile(FileStream stream, string where, string? configured)
    {
        this.stream = stream;
        this.where = where;
        this.configured = configured;
        handle = stream.SafeFileHandle;
    }

    public long Length { get; private set; }

    /// <summary>Creates the file in <paramref name="directory"/> (the system's temporary directory when <see langword="null"/>).</summary>
    /// <exception cref="ExportException">The directory does not exist or the file cannot be created there (<see cref="ExportErrorCodes.StorageFailed"/>).</exception>
    public static SpoolFile Create(string? directory)
    {
        var where = SpoolDirectory.Resolve(directory);
        var path = Path.Combine(where, "exportkit-spool-" + Guid.NewGuid().ToString("N") + ".tmp");
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

        try
        {
            return new SpoolFile(new FileStream(path, options), where, directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SpoolDirectory.Failure(where, directory, "could not be created", "let this process create files there", ex);
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        try
        {
            stream.Write(bytes);
        }
        catch (IOException ex)
        {
            throw WriteFailure(ex);
        }

        Length += bytes.Length;
    }

    public void Flush()
    {
        try
        {
            stream.Flush();
        }
        catch (IOException ex)
        {
            throw WriteFailure(ex);
        }
    }

    public int Read(long offset, Span<byte> destination) => RandomAccess.Read(handle, destination, offset);

    public void Dispose() => stream.Dispose();

    // A full disk or a volume gone read-only: say where, not just "No space left on device".
    private ExportException WriteFailure(IOException cause) =>
        SpoolDirectory.Failure(where, configured, "could not be written", "free space there", cause);
}

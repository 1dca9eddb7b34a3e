namespace ExportKit.Formats.BagIt;

/// <summary>A private temporary file (owner-only on Unix, deleted on close) that holds a forward-only ZIP stream while it is verified.</summary>
internal static class TemporaryCopy
{
    public static FileStream Create()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), "exportkit-verify-" + Guid.NewGuid().ToString("N") + ".zip"), options);
    }
}

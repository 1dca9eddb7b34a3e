namespace ExportKit.Testing;

/// <summary>
/// A directory in which this process cannot create a file: a fresh one made read-only (0500), or, where permissions do
/// not stop this user (root), Linux's <c>/proc</c>, which no one can add a file to. <see langword="null"/> when neither
/// holds (Windows, or root without <c>/proc</c>), and the tests that need one skip with <see cref="SkipReason"/>.
/// </summary>
public static class UnwritableDirectory
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>Gets the directory, or <see langword="null"/>.</summary>
    public static string? Path => Found.Value;

    /// <summary>Gets why there is none, or <see langword="null"/> when there is.</summary>
    public static string? SkipReason => Path is null
        ? "No directory here refuses this process a new file (Windows, or root without /proc), so an unwritable temporary directory cannot be tested."
        : null;

    private static string? Find()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var readOnly = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "exportkit-readonly-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        if (Refuses(readOnly))
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(readOnly);
            return readOnly;
        }

        Remove(readOnly);
        return OperatingSystem.IsLinux() && Directory.Exists("/proc") && Refuses("/proc") ? "/proc" : null;
    }

    private static void Remove(string directory)
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(directory))
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool Refuses(string directory)
    {
        var probe = System.IO.Path.Combine(directory, "exportkit-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (File.Create(probe))
            {
            }

            File.Delete(probe);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ExportKit.Formats.Staging;

/// <summary>
/// The temporary files ExportKit stages data in (a package's payload, a ZIP for a stream that cannot seek, a ZIP
/// being verified). They hold export data, so they are private and temporary: created new (never through an existing
/// name or link) with owner-only permissions (0600 on Unix), held with an exclusive lock, and deleted when closed.
/// A process killed while one is open leaves it behind; the next one created in that directory removes such files
/// (an exclusive open succeeds only once no running process holds them).
/// </summary>
internal static partial class PrivateTemporaryFile
{
    private const string Prefix = "exportkit-";
    private const string Suffix = ".tmp";

    // Directories already swept by this process: a killed process's files are removed by the next run, once.
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    /// <summary>Creates a temporary file in <paramref name="directory"/> (the system's temporary directory when <see langword="null"/>).</summary>
    /// <param name="directory">Where; created when missing.</param>
    /// <param name="purpose">A short lower-case word naming what the file holds, part of its name.</param>
    /// <returns>An open, read-write stream; disposing it deletes the file.</returns>
    public static FileStream Create(string? directory, string purpose)
    {
        var where = string.IsNullOrEmpty(directory) ? Path.GetTempPath() : Path.GetFullPath(directory);
        Directory.CreateDirectory(where);
        if (Swept.TryAdd(where, true))
        {
            RemoveStale(where);
        }

        var path = Path.Combine(where, Prefix + purpose + "-" + Guid.NewGuid().ToString("N") + Suffix);
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

        return new FileStream(path, options);
    }

    /// <summary>Removes the temporary files that no running process holds any more; best effort.</summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveStale(string directory)
    {
        var removed = 0;
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, Prefix + "*"))
            {
                if (Pattern().IsMatch(Path.GetFileName(path)) && TryRemoveUnheld(path))
                {
                    removed++;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable directory: nothing of ours can be there to remove.
        }

        return removed;
    }

    private static bool TryRemoveUnheld(string path)
    {
        try
        {
            // Fails while the creating process holds its exclusive lock (FileShare.None), in this process or another.
            using var held = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // Only names this class makes (and 0.1's exportkit-payload-/exportkit-verify-/exportkit- files), never a host's.
    [GeneratedRegex(@"\Aexportkit-([a-z]+-)?[0-9a-f]{32}\.(tmp|zip)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;

namespace ExportKit.Engine.Destinations;

/// <summary>
/// The hidden files an export to a directory is written to before it is renamed, and the removal of those a killed
/// process left behind.
/// </summary>
internal static partial class PartialFiles
{
    public const string Suffix = ".partial";

    public static string NewName() => ".exportkit-" + Guid.NewGuid().ToString("N") + Suffix;

    /// <summary>
    /// Removes stale partial files from <paramref name="directory"/>: those named by ExportKit (this version's and
    /// 0.1's <c>.{32 hex}.partial</c>), last written more than <paramref name="maxAge"/> ago, and not held open by a
    /// running export (the engine holds its own with an exclusive lock, so an export in progress, in this process or
    /// another, is never removed). Best effort: a file that cannot be removed is left for the next run.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public static int RemoveStale(string directory, TimeSpan maxAge)
    {
        // File times are the file system's wall clock, not the engine's (possibly fixed) TimeProvider.
        var cutoff = TimeProvider.System.GetUtcNow().UtcDateTime - maxAge;
        var removed = 0;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, "." + "*" + Suffix).Where(path => Pattern().IsMatch(Path.GetFileName(path))).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var path in candidates)
        {
            if (TryRemove(path, cutoff))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool TryRemove(string path, DateTime cutoff)
    {
        try
        {
            if (File.GetLastWriteTimeUtc(path) > cutoff)
            {
                return false;
            }

            // An exclusive open fails while the writing export holds the file (FileShare.None is an exclusive lock).
            using var held = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\A\.(exportkit-)?[0-9a-f]{32}\.partial\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

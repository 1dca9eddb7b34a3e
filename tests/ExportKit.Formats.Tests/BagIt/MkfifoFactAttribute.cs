namespace ExportKit.Formats.Tests.BagIt;

/// <summary>A fact that runs only where <c>mkfifo</c> is on the PATH (not on Windows), to make a FIFO inside a folder bag.</summary>
public sealed class MkfifoFactAttribute : FactAttribute
{
    public MkfifoFactAttribute()
    {
        if (Path is null)
        {
            Skip = "mkfifo is not on the PATH (or this is Windows): the FIFO attack on folder bags cannot be built here.";
        }
    }

    public static string? Path => OperatingSystem.IsWindows()
        ? null
        : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator)
            .Select(d => System.IO.Path.Combine(d, "mkfifo")).FirstOrDefault(File.Exists);
}

namespace ExportKit.WebSample.Tests.Browser;

/// <summary>
/// Debian's Chromium, which Playwright drives through its executable path (Playwright never downloads a browser here):
/// <c>EXPORTKIT_CHROMIUM</c> when set, else <c>chromium</c> on the PATH.
/// </summary>
internal static class Chromium
{
    public const string Variable = "EXPORTKIT_CHROMIUM";

    public static readonly string? Path = Find();

    /// <summary>Headless and quiet: no GPU, no QUIC, no first-run, no background traffic, updates or sync.</summary>
    public static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs Chromium, skipped with the reason and the fix when it is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = $"Chromium is not installed ('chromium' is not on the PATH and {Chromium.Variable} names no file), so the pages cannot be driven in a browser: install Debian's 'chromium' package (.ci/run does when it runs as root) or set {Chromium.Variable} to its executable.";
        }
    }
}

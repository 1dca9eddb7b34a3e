using System.Diagnostics;

namespace ExportKit.Formats.Tests.Html;

/// <summary>Headless Chromium: renders a page and takes its screenshot, timed.</summary>
internal static class Chromium
{
    public static string? Path { get; } = Find();

    public static async Task<TimeSpan> ScreenshotAsync(string page, string screenshot, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("exportkit-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path!)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--user-data-dir=" + profile.FullName, "--screenshot=" + screenshot, "--window-size=1280,2000", new Uri(page).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not take the screenshot of {page} within {timeout.TotalSeconds} s.");
            }

            watch.Stop();
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {await errors}{await output}");
            return watch.Elapsed;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string? Find()
    {
        foreach (var name in (string[])["chromium", "chromium-browser"])
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

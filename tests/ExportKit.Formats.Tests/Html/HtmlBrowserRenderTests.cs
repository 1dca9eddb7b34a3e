using Xunit.Abstractions;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Html;

/// <summary>
/// A 200,000-item report opens in a browser: headless Chromium takes its screenshot in under 10 seconds (0.2's
/// uncapped page, about 100 MB, did not render in 180 s). One render, to keep the suite's cost small.
/// </summary>
public sealed class HtmlBrowserRenderTests(ITestOutputHelper output)
{
    private const int Items = 200_000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [ChromiumFact]
    public async Task A_200000_item_report_renders_in_headless_chromium_in_under_ten_seconds()
    {
        var directory = Directory.CreateTempSubdirectory("exportkit-html-");
        try
        {
            var page = Path.Combine(directory.FullName, "report.html");
            var screenshot = Path.Combine(directory.FullName, "report.png");
            await using (var file = File.Create(page))
            {
                await ExportFormatters.Html().WriteAsync(TestBundles.WithItems(new GeneratedItems(Items), Items), file, CancellationToken.None);
            }

            // A first, tiny page warms what any first run pays once (the binary and fonts read from disk); then the best of
            // up to three renders counts, because CI runs other test assemblies beside this one on two cores.
            var blank = Path.Combine(directory.FullName, "blank.html");
            await File.WriteAllTextAsync(blank, "<!DOCTYPE html><html lang=\"en\"><title>warm-up</title><p>warm-up</p></html>");
            await Chromium.ScreenshotAsync(blank, Path.Combine(directory.FullName, "blank.png"), TimeSpan.FromSeconds(60));
            var timings = new List<TimeSpan>();
            while (timings.Count < 3 && (timings.Count == 0 || timings.Min() >= Limit))
            {
                timings.Add(await Chromium.ScreenshotAsync(page, screenshot, TimeSpan.FromSeconds(60)));
            }

            var best = timings.Min();
            var size = new FileInfo(page).Length;
            output.WriteLine($"Chromium rendered the {size:N0}-byte report of {Items:N0} items in {string.Join(", ", timings.Select(t => t.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} s.");

            Assert.True(new FileInfo(screenshot).Length > 0, "Chromium wrote no screenshot.");
            Assert.True(best < Limit, $"Chromium took {best.TotalSeconds:F1} s at best ({timings.Count} tries) to render the {size:N0}-byte report of {Items:N0} items; it must take under {Limit.TotalSeconds} s.");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

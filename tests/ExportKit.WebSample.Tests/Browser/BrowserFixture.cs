using Microsoft.Playwright;

namespace ExportKit.WebSample.Tests.Browser;

/// <summary>
/// One web sample on a real Kestrel port (127.0.0.1) with its worker, and one Chromium with a fresh profile, shared by
/// the browser tests. Nothing starts when Chromium is missing: the tests are skipped then.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "exportkit-chromium-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public WebSampleFactory App { get; } = new() { RealServer = true };

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowserContext Browser { get; private set; } = null!;

    /// <summary>Gets the folder screenshots are written to (<c>EXPORTKIT_SCREENSHOTS</c>), or <see langword="null"/> for none.</summary>
    public static string? ScreenshotDirectory => Environment.GetEnvironmentVariable("EXPORTKIT_SCREENSHOTS") is { Length: > 0 } dir ? dir : null;

    public async Task InitializeAsync()
    {
        if (Chromium.Path is null)
        {
            return;
        }

        BaseAddress = App.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = Chromium.Args,
            AcceptDownloads = true,
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1200, Height = 760 },
            Timeout = 30_000,
        });
        Browser.SetDefaultTimeout(20_000);
    }

    /// <summary>A new page as one of the demo users (index into the switcher's presets: 0 ana owner, 1 ben admin, 2 cy member, 3 dee viewer).</summary>
    public async Task<IPage> PageAsAsync(int preset, string path)
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(path);
        await page.SelectOptionAsync("#demo-preset", preset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png") });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
        if (Directory.Exists(profile))
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

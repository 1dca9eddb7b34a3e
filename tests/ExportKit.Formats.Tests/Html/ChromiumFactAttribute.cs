namespace ExportKit.Formats.Tests.Html;

/// <summary>A fact that needs a headless Chromium (<c>chromium</c> or <c>chromium-browser</c> on the PATH), skipped, saying so, without one.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "No Chromium on the PATH ('chromium' or 'chromium-browser'), so the large report cannot be rendered: install Chromium (Debian: apt-get install chromium) to run this test.";
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExportKit.WebSample.Tests.Browser;

/// <summary>The two pages in Chromium against the running sample: export, audit CSV job, denial, escaping.</summary>
public sealed class PageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Hub_generates_an_export_previews_it_and_downloads_the_same_bytes()
    {
        var page = await fixture.PageAsAsync(1, "/");
        await page.SelectOptionAsync("#category", "alert-logs");
        await page.SelectOptionAsync("#format", "json");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#generate"), r => r.Url.EndsWith("/api/v1/exports", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        await page.WaitForSelectorAsync("#download");
        Assert.Equal("Alert Logs", await page.TextContentAsync("#sections tbody tr td strong"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", await response.HeaderValueAsync("repr-digest"));
        using var bundle = JsonDocument.Parse(bytes);
        var exportId = bundle.RootElement.GetProperty("exportId").GetString()!;
        Assert.Equal(exportId + ".json", download.SuggestedFilename);
        Assert.Contains(exportId, await page.TextContentAsync("#metadata"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync($"#history td:has-text('alert-logs')");
        await BrowserFixture.ScreenshotAsync(page, "websample-export-hub");
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task Audit_export_button_runs_a_csv_job_to_the_downloaded_file()
    {
        var page = await fixture.PageAsAsync(0, "/audit.html");
        await page.WaitForSelectorAsync("#rows tr.clickable");
        await BrowserFixture.ScreenshotAsync(page, "websample-audit");
        await page.ClickAsync("#export");
        await page.WaitForSelectorAsync("#job-download");
        Assert.Equal("Status: success", (await page.TextContentAsync("#job-status"))!.Trim());
        var rows = int.Parse((await page.TextContentAsync("#job-rows"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rows > 0);
        await BrowserFixture.ScreenshotAsync(page, "websample-audit-export-modal");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#job-download"));
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())).TrimStart('\uFEFF');
        Assert.StartsWith("ID,Timestamp,Event Type,Severity,Actor Type", text, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains((await page.TextContentAsync("#job-size"))!.Split('(')[1].Split(' ')[0], Encoding.UTF8.GetByteCount(text).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await page.ClickAsync("#job-close");
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task Audit_table_pages_and_filters_by_severity()
    {
        var page = await fixture.PageAsAsync(3, "/audit.html");
        await page.WaitForSelectorAsync("#rows tr.clickable");
        Assert.StartsWith("1–20 of ", await page.TextContentAsync("#page-info"), StringComparison.Ordinal);
        await page.ClickAsync("#next");
        await page.WaitForFunctionAsync("() => document.getElementById('page-info').textContent.startsWith('21–')");
        Assert.True(await page.IsEnabledAsync("#prev"));
        await page.SelectOptionAsync("#f-severity", "critical");
        await page.WaitForFunctionAsync("() => document.getElementById('page-info').textContent.startsWith('1–')");
        var severities = await page.Locator("#rows tr.clickable td:nth-child(3)").AllTextContentsAsync();
        Assert.NotEmpty(severities);
        Assert.All(severities, s => Assert.Equal("critical", s));
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task Hub_shows_every_violation_of_a_denied_export()
    {
        var page = await fixture.PageAsAsync(2, "/");
        await page.SelectOptionAsync("#category", "executive-summary");
        await page.SelectOptionAsync("#format", "zip");
        await page.ClickAsync("#generate");
        await page.WaitForSelectorAsync("#violations li");
        var violations = await page.Locator("#violations li").AllTextContentsAsync();
        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("executive", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(violations, v => v.Contains("bundle-formats", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "websample-denied");
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task Audit_page_shows_data_as_text_and_hides_the_export_button_from_viewers()
    {
        const string Hostile = "<img src=x onerror=\"window.pwned=1\">";
        await fixture.App.Services.GetRequiredService<IAuditTrail>().RecordAsync(
            new AuditEventDraft { EventType = "content.created", TenantId = "acme", UserId = "dee", Context = new { title = Hostile } });
        var page = await fixture.PageAsAsync(3, "/audit.html");
        await page.FillAsync("#f-search", "onerror");
        await page.WaitForSelectorAsync("#rows tr.clickable:has-text('content.created')");
        Assert.Contains("<img src=x onerror=", await page.TextContentAsync("#rows"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#rows img").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.pwned === 1"));
        Assert.True(await page.IsHiddenAsync("#export"));
        await page.ClickAsync("#rows tr.clickable");
        await page.WaitForSelectorAsync("#details[open]");
        Assert.Contains("<img src=x onerror=", await page.TextContentAsync("#details pre"), StringComparison.Ordinal);
        await page.CloseAsync();
    }
}

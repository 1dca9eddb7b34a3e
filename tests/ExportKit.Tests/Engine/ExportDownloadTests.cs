using ExportKit.Testing;

namespace ExportKit.Tests.Engine;

/// <summary>A download names an export the registry knows, is logged, and is audited with where it came from.</summary>
public sealed class ExportDownloadTests
{
    private static readonly RequestMetadata FromOffice = new() { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0", RequestId = "req-1" };

    [Fact]
    public async Task A_download_is_recorded_as_export_downloaded_with_its_request_metadata()
    {
        var engine = new TestEngine();
        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs));

        await engine.Engine.RecordDownloadAsync(new ExportDownload("acme", result.ExportId!, "dana") { FileName = "alerts.json", Request = FromOffice });

        var downloaded = (await engine.AuditEventsAsync())[0];
        Assert.Equal(AuditEventTypes.ExportDownloaded, downloaded.EventType);
        Assert.Equal(("export", result.ExportId, "dana", FromOffice), (downloaded.ResourceType, downloaded.ResourceId, downloaded.UserId, downloaded.Request));
        Assert.Contains("\"fileName\":\"alerts.json\"", downloaded.ContextJson, StringComparison.Ordinal);
        Assert.Contains(result.Sha256!, downloaded.ContextJson, StringComparison.Ordinal);
        var entry = Assert.IsType<ExportDownloadedEntry>((await engine.EntriesAsync())[^1]);
        Assert.Equal("alerts.json", entry.FileName);
        Assert.True((await engine.AuditTrail.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task An_unknown_export_is_refused_naming_it_and_nothing_is_recorded()
    {
        var engine = new TestEngine();
        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs));
        var entries = (await engine.EntriesAsync()).Count;

        var unknown = await Assert.ThrowsAsync<ArgumentException>("download", () => engine.Engine.RecordDownloadAsync(new ExportDownload("acme", "exp_nope", "lee")));
        var otherTenant = await Assert.ThrowsAsync<ArgumentException>("download", () => engine.Engine.RecordDownloadAsync(new ExportDownload("globex", result.ExportId!, "lee")));

        Assert.StartsWith("Export 'exp_nope' of tenant 'acme' is not in the export registry", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("ExportId of an ExportResult", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("tenant 'globex'", otherTenant.Message, StringComparison.Ordinal);
        Assert.Equal(entries, (await engine.EntriesAsync()).Count);
        Assert.Single(await engine.AuditEventsAsync());
        Assert.Empty(await engine.AuditEventsAsync("globex"));
    }

    [Fact]
    public async Task Bad_downloads_are_rejected_naming_the_argument()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("download", () => new TestEngine().Engine.RecordDownloadAsync(null!));
        Assert.Throws<ArgumentException>("tenantId", () => new ExportDownload(" ", "exp_1", "lee"));
        Assert.Throws<ArgumentException>("exportId", () => new ExportDownload("acme", "", "lee"));
        Assert.Throws<ArgumentException>("downloadedBy", () => new ExportDownload("acme", "exp_1", "lee\n"));
        Assert.Throws<ArgumentException>("FileName", () => new ExportDownload("acme", "exp_1", "lee") { FileName = " " });
    }

    [Fact]
    public async Task The_generated_event_carries_the_request_metadata_of_the_export_call()
    {
        var engine = new TestEngine();

        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Csv) with { Request = FromOffice });

        var generated = Assert.Single(await engine.AuditEventsAsync());
        Assert.Equal(("export.csv.generated", result.ExportId, FromOffice), (generated.EventType, generated.ResourceId, generated.Request));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("zip")]
    public async Task Request_metadata_never_enters_the_bundle_id_or_the_bytes(string format)
    {
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        var query = TestEngine.Query(ExportCategory.CompliancePack, exportFormat);

        var (plain, plainBytes) = await new TestEngine().ExportAsync(query);
        var (withRequest, requestBytes) = await new TestEngine().ExportAsync(query with { Request = FromOffice });

        Assert.Equal(plain.BundleId, withRequest.BundleId);
        Assert.Equal(plainBytes, requestBytes);
        Assert.DoesNotContain("203.0.113.7", System.Text.Encoding.UTF8.GetString(requestBytes), StringComparison.Ordinal);
    }
}

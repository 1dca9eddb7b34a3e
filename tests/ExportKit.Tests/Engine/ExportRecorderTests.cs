using ExportKit.Testing;

namespace ExportKit.Tests.Engine;

/// <summary>Which run produced which export, where it went, and the audit event it leaves (seed 000).</summary>
public sealed class ExportRecorderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "exportkit-trace-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_written_export_is_registered_with_its_run_sections_size_and_checksum()
    {
        var engine = new TestEngine();
        var query = TestEngine.Query(ExportCategory.CompliancePack) with { RunId = "run-42" };

        var (result, _) = await engine.ExportAsync(query);

        var record = Assert.Single(await engine.Registry.ListAsync("acme").ToListAsync());
        Assert.Equal((result.ExportId, result.BundleId, "run-42", "compliance-pack", "json"), (record.ExportId, record.BundleId, record.RunId, record.Category, record.Format));
        Assert.Equal(["audit-findings", "drift-events", "sla-compliance"], record.Sections);
        Assert.Equal((result.SizeBytes, result.Sha256, TestClock.Now, "lee"), (record.SizeBytes, record.Sha256, record.CreatedAt, record.CreatedBy));
        Assert.Null(record.StoragePath);
    }

    [Fact]
    public async Task A_written_export_records_an_export_format_generated_audit_event()
    {
        var engine = new TestEngine();

        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Zip));

        var audit = Assert.Single(await engine.AuditEventsAsync());
        Assert.Equal("export.zip.generated", audit.EventType);
        Assert.Equal(("export", result.ExportId, "lee"), (audit.ResourceType, audit.ResourceId, audit.UserId));
        Assert.Contains(result.Sha256!, audit.ContextJson, StringComparison.Ordinal);
        Assert.True((await engine.AuditTrail.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Denied_and_failed_exports_are_not_registered()
    {
        var engine = new TestEngine();

        await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), new ExportPrincipal("lee", "globex"));

        Assert.Empty(await engine.Registry.ListAsync("acme").ToListAsync());
        Assert.Empty(await engine.AuditEventsAsync());
    }

    [Fact]
    public async Task An_export_to_a_directory_records_where_it_was_stored()
    {
        var engine = new TestEngine();

        var result = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), directory);

        var record = Assert.Single(await engine.Registry.ListAsync("acme").ToListAsync());
        Assert.Equal(Path.Combine(Path.GetFullPath(directory), result.FileName!), record.StoragePath);
        Assert.True(File.Exists(record.StoragePath));
    }

    [Fact]
    public async Task Two_exports_of_one_bundle_never_overwrite_each_others_files()
    {
        var engine = new TestEngine();

        var first = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.CompliancePack), TestEngine.Admin(), directory);
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.CompliancePack), TestEngine.Admin(), directory);
        var zip = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.CompliancePack, ExportFormat.Zip), TestEngine.Admin(), directory);
        var package = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.CompliancePack, ExportFormat.AuditorPackage), TestEngine.Admin(), directory);

        Assert.Single(new[] { first.BundleId, second.BundleId, zip.BundleId, package.BundleId }.Distinct());
        Assert.Equal(first.ExportId + ".json", first.FileName);
        Assert.Equal(4, Directory.GetFiles(directory).Length);
        foreach (var record in await engine.Registry.ListAsync("acme").ToListAsync())
        {
            var bytes = await File.ReadAllBytesAsync(record.StoragePath!);
            Assert.Equal(record.Sha256, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant());
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

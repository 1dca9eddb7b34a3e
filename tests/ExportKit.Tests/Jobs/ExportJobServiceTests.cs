using System.Text.RegularExpressions;
using ExportKit.Jobs;
using ExportKit.Testing;

namespace ExportKit.Tests.Jobs;

/// <summary>Seed 003's job rules: lifecycle, the RBAC table, ownership, policy at creation, downloads checked.</summary>
public sealed class ExportJobServiceTests
{
    [Fact]
    public async Task Lifecycle_create_claim_success_download()
    {
        using var h = new JobHarness();
        await h.SeedAsync();

        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"), new RequestMetadata { IpAddress = "203.0.113.9" });
        Assert.Equal(ExportJobStatus.Queued, job.Status);
        var requested = Assert.Single(await h.EventsAsync(AuditEventTypes.ExportRequested));
        Assert.Equal(job.Id, requested.ResourceId);
        Assert.Contains("auth.login", requested.ContextJson, StringComparison.Ordinal);

        Assert.True(await h.Processor.RunOnceAsync());
        var done = await h.Service.GetAsync(job.Id, JobHarness.As("owner", "olu"));
        Assert.Equal(ExportJobStatus.Success, done.Status);
        Assert.Equal(3, done.RowCount);
        Assert.Equal(TestClock.Now.AddHours(24), done.ExpiresAt);
        Assert.Matches(new Regex(@"\Aacme_20260301T120000Z_job_\w+\.csv\z"), done.FilePath);

        await using (var download = await h.Service.OpenDownloadAsync(job.Id, JobHarness.As("admin")))
        {
            using var reader = new StreamReader(download.Content);
            var text = await reader.ReadToEndAsync();
            Assert.StartsWith("ID,Timestamp,Event Type", text, StringComparison.Ordinal);
            Assert.Equal(done.FileSizeBytes, download.SizeBytes);
            Assert.Equal("text/csv", download.ContentType);
        }

        Assert.Single((await h.EntriesAsync()).OfType<ExportDownloadedEntry>(), e => e.BundleId == job.Id && e.DownloadedBy == "ana");
        Assert.Single(await h.EventsAsync(AuditEventTypes.ExportDownloaded));
    }

    [Theory]
    [InlineData("owner", true)]
    [InlineData("admin", true)]
    [InlineData("member", false)]
    [InlineData("viewer", false)]
    public async Task Every_row_of_seed_003s_table_create_status_download_list(string role, bool allowed)
    {
        using var h = new JobHarness();
        await h.SeedAsync();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        await h.Processor.RunOnceAsync();
        var principal = JobHarness.As(role, "someone");

        var attempts = new Func<Task>[]
        {
            () => h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), principal),
            () => h.Service.GetAsync(job.Id, principal),
            async () => await (await h.Service.OpenDownloadAsync(job.Id, principal)).DisposeAsync(),
            () => h.Service.ListAsync(principal),
        };
        foreach (var attempt in attempts)
        {
            if (allowed)
            {
                await attempt();
            }
            else
            {
                var error = await Assert.ThrowsAsync<ExportJobException>(attempt);
                Assert.Equal(ExportJobErrorCodes.Forbidden, error.ErrorCode);
                Assert.StartsWith("Admin role required", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Another_tenants_job_does_not_exist()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        var globex = JobHarness.As("admin", "gil", "globex");

        foreach (var attempt in new Func<Task>[] { () => h.Service.GetAsync(job.Id, globex), () => h.Service.OpenDownloadAsync(job.Id, globex), () => h.Service.CancelAsync(job.Id, globex) })
        {
            Assert.Equal(ExportJobErrorCodes.NotFound, (await Assert.ThrowsAsync<ExportJobException>(attempt)).ErrorCode);
        }

        Assert.Empty(await h.Service.ListAsync(globex));
        Assert.Equal(ExportJobStatus.Queued, (await h.JobAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Creator_access_is_off_by_default_and_when_on_reaches_only_the_users_own_jobs()
    {
        var lee = TestEngine.Admin();
        var kim = new ExportPrincipal("kim", "acme", ["admin"], ["export:bundle-formats"]);
        using (var off = new JobHarness())
        {
            var job = await off.Service.CreateBundleJobAsync(TestEngine.Query(ExportCategory.AuditFindings), lee);
            Assert.Equal(ExportJobErrorCodes.Forbidden, (await Assert.ThrowsAsync<ExportJobException>(() => off.Service.GetAsync(job.Id, lee))).ErrorCode);
        }

        using var on = new JobHarness(o => o.AllowCreatorAccess = true);
        var own = await on.Service.CreateBundleJobAsync(TestEngine.Query(ExportCategory.AuditFindings), lee);
        await on.Service.CreateBundleJobAsync(TestEngine.Query(ExportCategory.AuditFindings) with { }, lee);
        Assert.Equal(own.Id, (await on.Service.GetAsync(own.Id, lee)).Id);
        Assert.Equal(ExportJobErrorCodes.Forbidden, (await Assert.ThrowsAsync<ExportJobException>(() => on.Service.GetAsync(own.Id, kim))).ErrorCode);
        Assert.Equal(2, (await on.Service.ListAsync(lee)).Count);
        Assert.Empty(await on.Service.ListAsync(kim));
    }

    [Fact]
    public async Task A_denied_bundle_request_makes_no_job_and_logs_the_decision()
    {
        using var h = new JobHarness();
        var nobody = new ExportPrincipal("lee", "acme");

        var error = await Assert.ThrowsAsync<ExportJobException>(() => h.Service.CreateBundleJobAsync(TestEngine.Query(ExportCategory.AuditFindings, ExportFormat.Zip), nobody));

        Assert.Equal(ExportJobErrorCodes.PolicyDenied, error.ErrorCode);
        Assert.NotEmpty(error.Violations);
        Assert.Empty(await h.Service.ListAsync(JobHarness.As("admin")));
        var decision = Assert.Single((await h.EntriesAsync()).OfType<PolicyDecisionEntry>());
        Assert.False(decision.Decision.Allowed);
        Assert.Empty(await h.EventsAsync(AuditEventTypes.ExportRequested));
    }

    [Fact]
    public async Task A_bundle_job_runs_through_the_engine_and_its_download_is_logged_by_the_engine()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateBundleJobAsync(TestEngine.Query(ExportCategory.AuditFindings), TestEngine.Admin());
        Assert.True(await h.Processor.RunOnceAsync());
        var done = await h.JobAsync(job.Id);
        Assert.Equal(ExportJobStatus.Success, done.Status);
        Assert.NotNull(done.ExportId);
        Assert.EndsWith(".json", done.FilePath, StringComparison.Ordinal);

        await using var download = await h.Service.OpenDownloadAsync(job.Id, JobHarness.As("admin"));

        Assert.Equal("application/json", download.ContentType);
        Assert.Single((await h.EntriesAsync()).OfType<ExportDownloadedEntry>(), e => e.FileName == done.FilePath);
    }

    [Fact]
    public async Task Expiry_says_when_and_cleanup_is_idempotent_and_keeps_the_record()
    {
        using var h = new JobHarness(o => o.FileLifetime = TimeSpan.FromHours(24));
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        await h.Processor.RunOnceAsync();
        Assert.Equal(0, await h.Processor.CleanupExpiredAsync());
        Assert.Single(h.Files());

        h.Clock.Advance(TimeSpan.FromHours(24));
        var expired = await Assert.ThrowsAsync<ExportJobException>(() => h.Service.OpenDownloadAsync(job.Id, JobHarness.As("admin")));
        Assert.Equal(ExportJobErrorCodes.Expired, expired.ErrorCode);
        Assert.Equal(TestClock.Now.AddHours(24), expired.ExpiredAt);
        Assert.Contains("2026-03-02T12:00:00", expired.Message, StringComparison.Ordinal);

        Assert.Equal(1, await h.Processor.CleanupExpiredAsync());
        Assert.Equal(0, await h.Processor.CleanupExpiredAsync());
        Assert.Empty(h.Files());
        var kept = await h.Service.GetAsync(job.Id, JobHarness.As("admin"));
        Assert.Equal(ExportJobStatus.Expired, kept.Status);
        Assert.NotNull(kept.Sha256);
        Assert.Equal(ExportJobErrorCodes.Expired, (await Assert.ThrowsAsync<ExportJobException>(() => h.Service.OpenDownloadAsync(job.Id, JobHarness.As("admin")))).ErrorCode);
    }

    [Fact]
    public async Task A_download_after_the_file_was_changed_on_disk_is_refused()
    {
        using var h = new JobHarness();
        await h.SeedAsync();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        await h.Processor.RunOnceAsync();
        var path = Assert.Single(h.Files());
        await File.AppendAllTextAsync(path, "forged,row\n");

        var error = await Assert.ThrowsAsync<ExportJobException>(() => h.Service.OpenDownloadAsync(job.Id, JobHarness.As("admin")));

        Assert.Equal(ExportJobErrorCodes.FileChanged, error.ErrorCode);
        Assert.Empty((await h.EntriesAsync()).OfType<ExportDownloadedEntry>());
        File.Delete(path);
        Assert.Equal(ExportJobErrorCodes.FileChanged, (await Assert.ThrowsAsync<ExportJobException>(() => h.Service.OpenDownloadAsync(job.Id, JobHarness.As("admin")))).ErrorCode);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error_and_changes_nothing()
    {
        using var h = new JobHarness();
        var admin = JobHarness.As("admin");
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), admin);

        Assert.Equal("limit", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Service.ListAsync(admin, -1))).ParamName);
        Assert.Equal("offset", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => h.Service.ListAsync(admin, 10, -1))).ParamName);
        var malformed = new AuditQuery("acme") { StartDate = TestClock.Now, EndDate = TestClock.Now.AddDays(-1) };
        Assert.Equal("EndDate", (await Assert.ThrowsAsync<ArgumentException>(() => h.Service.CreateAuditCsvJobAsync(malformed, admin))).ParamName);
        Assert.Equal(ExportJobErrorCodes.NotFound, (await Assert.ThrowsAsync<ExportJobException>(() => h.Service.GetAsync("job_nope", admin))).ErrorCode);
        var early = await Assert.ThrowsAsync<ExportJobException>(() => h.Service.OpenDownloadAsync(job.Id, admin));
        Assert.Equal(ExportJobErrorCodes.NotReady, early.ErrorCode);
        Assert.Contains("queued", early.Message, StringComparison.Ordinal);
        Assert.Single(await h.Service.ListAsync(admin));
        Assert.Equal(ExportJobStatus.Queued, (await h.JobAsync(job.Id)).Status);
    }

    [Fact]
    public async Task An_unknown_category_or_format_is_refused_at_creation_and_makes_no_job()
    {
        using var h = new JobHarness();
        var admin = JobHarness.As("admin");

        var category = await Assert.ThrowsAsync<ExportJobException>(() => h.Service.CreateBundleJobAsync(new ExportQuery(new ExportCategory("no-such-category"), ExportFormat.Json, new ExportScope("acme"), "ana"), admin));
        var format = await Assert.ThrowsAsync<ExportJobException>(() => h.Service.CreateBundleJobAsync(new ExportQuery(ExportCategory.AlertLogs, new ExportFormat("parquet", "application/vnd.apache.parquet", ".parquet"), new ExportScope("acme"), "ana"), admin));

        Assert.Equal((ExportJobErrorCodes.InvalidFilter, ExportJobErrorCodes.InvalidFilter), (category.ErrorCode, format.ErrorCode));
        Assert.Contains("no-such-category", category.Message, StringComparison.Ordinal);
        Assert.Contains("parquet", format.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Service.ListAsync(admin));
    }
}

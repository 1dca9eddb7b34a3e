using System.Net;
using System.Security.Cryptography;

namespace ExportKit.WebSample.Tests.Api;

/// <summary>Tenant isolation, expiry, problem details for bad input and the trusted-proxy rule, through the web sample.</summary>
public sealed class OwnershipAndErrorTests : IClassFixture<WebSampleFactory>
{
    private readonly WebSampleFactory factory;
    private readonly HttpClient client;

    public OwnershipAndErrorTests(WebSampleFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    [Fact]
    public async Task Another_tenants_job_and_entry_do_not_exist_for_the_caller()
    {
        var job = await factory.AuditJobAsync(client, Http.Admin);
        await (await client.GetAsync($"/api/v1/audit/export/{job}", Http.OtherTenantOwner)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.GetAsync($"/api/v1/audit/export/{job}/download", Http.OtherTenantOwner)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var entry = (await (await client.GetAsync("/api/v1/audit?limit=1", Http.Admin)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        await (await client.GetAsync($"/api/v1/audit/{entry}", Http.OtherTenantOwner)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
        var theirs = await (await client.GetAsync("/api/v1/audit/exports", Http.OtherTenantOwner)).JsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == job);
    }

    [Fact]
    public async Task Download_is_the_checked_file_and_after_24_hours_is_410_expired()
    {
        var job = await factory.AuditJobAsync(client, Http.Admin);
        var status = await (await client.GetAsync($"/api/v1/audit/export/{job}", Http.Admin)).JsonAsync();
        Assert.Equal("success", status.GetProperty("status").GetString());
        using (var download = await client.GetAsync($"/api/v1/audit/export/{job}/download", Http.Admin))
        {
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(status.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.StartsWith("ID,Timestamp,Event Type,Severity", System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        }

        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var problem = await (await client.GetAsync($"/api/v1/audit/export/{job}/download", Http.Admin)).ProblemAsync(HttpStatusCode.Gone, "expired");
        Assert.Equal(job, problem.GetProperty("jobId").GetString());
    }

    [Theory]
    [InlineData("/api/v1/audit?limit=abc", "limit")]
    [InlineData("/api/v1/audit?startDate=not-a-date", "startDate")]
    [InlineData("/api/v1/audit?severity=fatal", "severity")]
    [InlineData("/api/v1/audit/exports?offset=-5", "offset")]
    [InlineData("/api/v1/exports/history?take=0", "take")]
    public async Task Malformed_parameters_are_400_problems_naming_them(string path, string parameter)
    {
        var problem = await (await client.GetAsync(path, Http.Admin)).ProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Unknown_category_oversized_body_and_denial_are_problems_and_record_nothing()
    {
        var before = (await (await client.GetAsync("/api/v1/exports/stats", Http.Admin)).JsonAsync()).GetProperty("totalExports").GetInt64();
        var unknown = await (await client.SendAsync(HttpMethod.Post, "/api/v1/exports", Http.Admin, new { category = "secrets", format = "json" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("category", unknown.GetProperty("parameter").GetString());
        var big = "{\"category\":\"operational-snapshot\",\"format\":\"json\",\"facilityId\":\"" + new string('a', 100_000) + "\"}";
        await (await client.SendAsync(HttpMethod.Post, "/api/v1/exports", Http.Admin, big)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "invalid-parameter");
        var denied = await (await client.SendAsync(HttpMethod.Post, "/api/v1/exports", Http.Member, new { category = "compliance-pack", format = "auditor-package", delivery = "direct" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        Assert.Equal(2, denied.GetProperty("violations").GetArrayLength());
        Assert.Equal(0, await factory.DrainAsync());
        var after = await (await client.GetAsync("/api/v1/exports/stats", Http.Admin)).JsonAsync();
        Assert.Equal(before, after.GetProperty("totalExports").GetInt64());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/exports", Http.Admin, configure: r => r.Content = new StringContent("category=alert-logs", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await factory.DrainAsync());
    }

    [Fact]
    public async Task Direct_export_from_the_sample_is_the_file_and_counts_as_an_export_and_a_download()
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/exports", Http.Viewer, new { category = "alert-logs", format = "csv", delivery = "direct" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", response.Headers.GetValues("Repr-Digest").Single());
        var exportId = response.Headers.GetValues("ExportKit-Export-Id").Single();
        var history = await (await client.GetAsync("/api/v1/exports/history", Http.Viewer)).JsonAsync();
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("exportId").GetString() == exportId && h.GetProperty("sizeBytes").GetInt64() == bytes.Length);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")] // an untrusted peer's X-Forwarded-For is ignored
    [InlineData("10.1.2.3", "198.51.100.7")] // the demo's load balancer (10.0.0.0/8) is believed
    public async Task X_Forwarded_For_is_believed_only_from_the_trusted_proxy(string peer, string recorded)
    {
        var job = await factory.AuditJobAsync(client, Http.Admin, r =>
        {
            r.Headers.Add("X-Test-Peer", peer);
            r.Headers.Add("X-Forwarded-For", "198.51.100.7");
        });
        var events = await (await client.GetAsync("/api/v1/audit?eventType=audit.export.requested&limit=100", Http.Admin)).JsonAsync();
        var requested = events.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("resourceId").GetString() == job);
        Assert.Equal(recorded, requested.GetProperty("ipAddress").GetString());
    }
}

using System.Net;
using System.Security.Cryptography;
using ExportKit.Audit;
using static ExportKit.AspNetCore.Tests.ApiHost;

namespace ExportKit.AspNetCore.Tests;

public sealed class AuditRouteTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Get_audit_pages_the_tenants_events_with_filters()
    {
        using var all = await host.GetAsync("/api/v1/audit", User("viewer"));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var page = await JsonAsync(all);
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        Assert.Equal(50, page.GetProperty("limit").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), e => Assert.NotEqual("g1", e.GetProperty("userId").GetString()));

        using var errors = await host.GetAsync("/api/v1/audit?severity=error&actorType=user&startDate=2020-01-01&limit=1", User("member"));
        var filtered = await JsonAsync(errors);
        var only = Assert.Single(filtered.GetProperty("items").EnumerateArray());
        Assert.Equal("error", only.GetProperty("severity").GetString());
        Assert.Equal("u2", only.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Get_audit_entry_and_another_tenants_entry_is_404()
    {
        var acme = await JsonAsync(await host.GetAsync("/api/v1/audit", User("viewer")));
        var id = acme.GetProperty("items")[0].GetProperty("id").GetString();
        using var ok = await host.GetAsync($"/api/v1/audit/{id}", User("viewer"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(id, (await JsonAsync(ok)).GetProperty("id").GetString());

        using var other = await host.GetAsync($"/api/v1/audit/{id}", User("owner", "gus", "globex"));
        await AssertProblemAsync(other, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Get_audit_stats_counts_by_severity()
    {
        using var response = await host.GetAsync("/api/v1/audit/stats", User("viewer"));
        var stats = await JsonAsync(response);
        Assert.Equal(3, stats.GetProperty("total").GetInt64());
        Assert.Equal(2, stats.GetProperty("bySeverity").GetProperty("info").GetInt64());
        Assert.Equal(1, stats.GetProperty("bySeverity").GetProperty("error").GetInt64());
    }

    [Theory]
    [InlineData("owner", true)]
    [InlineData("admin", true)]
    [InlineData("member", false)]
    [InlineData("viewer", false)]
    public async Task Seed_003_rbac_rows(string role, bool admin)
    {
        var user = User(role);
        foreach (var path in new[] { "/api/v1/audit", "/api/v1/audit/stats", "/api/v1/audit?severity=info" })
        {
            using var read = await host.GetAsync(path, user);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var jobId = await host.CreateAuditJobAsync(User("admin", "root"));
        await host.DrainAsync();
        using var create = await host.SendAsync(HttpMethod.Post, "/api/v1/audit/export", user);
        using var status = await host.GetAsync($"/api/v1/audit/export/{jobId}", user);
        using var download = await host.GetAsync($"/api/v1/audit/export/{jobId}/download", user);
        using var list = await host.GetAsync("/api/v1/audit/exports", user);
        if (admin)
        {
            Assert.Equal(HttpStatusCode.Accepted, create.StatusCode);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            var filters = (await JsonAsync(status)).GetProperty("filters");
            Assert.Equal("acme", filters.GetProperty("tenantId").GetString());
            Assert.False(filters.TryGetProperty("principal", out _), "the creator's roles and permissions are not served");
            Assert.False(filters.TryGetProperty("request", out _), "the creator's request metadata is not served");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        else
        {
            foreach (var response in new[] { create, status, download, list })
            {
                var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
                Assert.Equal("Admin role required", problem.GetProperty("detail").GetString());
            }
        }
    }

    [Fact]
    public async Task Audit_export_job_runs_and_downloads_with_digest_headers()
    {
        var jobId = await host.CreateAuditJobAsync(User("admin"), new { severity = "info" });
        using (var queued = await host.GetAsync($"/api/v1/audit/export/{jobId}", User("admin")))
        {
            Assert.Equal("queued", (await JsonAsync(queued)).GetProperty("status").GetString());
        }

        Assert.Equal(1, await host.DrainAsync());
        var job = await JsonAsync(await host.GetAsync($"/api/v1/audit/export/{jobId}", User("admin")));
        Assert.Equal("success", job.GetProperty("status").GetString());
        // The two info logins and the info audit.export.requested event the request itself recorded.
        Assert.Equal(3, job.GetProperty("rowCount").GetInt64());
        Assert.False(job.TryGetProperty("filePath", out _));

        using var download = await host.GetAsync($"/api/v1/audit/export/{jobId}/download", User("owner", "olga"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes.Length, download.Content.Headers.ContentLength);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(jobId + ".csv", download.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", download.Headers.GetValues("Repr-Digest").Single());
        Assert.StartsWith("ID,Timestamp,Event Type", System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), StringComparison.Ordinal);

        var list = await JsonAsync(await host.GetAsync("/api/v1/audit/exports", User("admin")));
        Assert.Equal(jobId, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Another_tenants_job_is_404_and_records_nothing()
    {
        var jobId = await host.CreateAuditJobAsync(User("admin"));
        await host.DrainAsync();
        var stranger = User("owner", "gus", "globex");
        await AssertProblemAsync(await host.GetAsync($"/api/v1/audit/export/{jobId}", stranger), HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(await host.GetAsync($"/api/v1/audit/export/{jobId}/download", stranger), HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(await host.GetAsync("/api/v1/audit/export/nope", User("admin")), HttpStatusCode.NotFound, "not-found");
        Assert.Empty(await host.EventsAsync(AuditEventTypes.ExportDownloaded));
    }

    [Fact]
    public async Task Expired_download_is_410()
    {
        var jobId = await host.CreateAuditJobAsync(User("admin"));
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(25));
        await AssertProblemAsync(await host.GetAsync($"/api/v1/audit/export/{jobId}/download", User("admin")), HttpStatusCode.Gone, "expired");
    }

    [Fact]
    public async Task Download_before_the_job_ran_is_409_not_ready()
    {
        var jobId = await host.CreateAuditJobAsync(User("admin"));
        await AssertProblemAsync(await host.GetAsync($"/api/v1/audit/export/{jobId}/download", User("admin")), HttpStatusCode.Conflict, "not-ready");
    }

    [Fact]
    public async Task Anonymous_caller_gets_401_problem_details_on_every_route()
    {
        foreach (var path in new[] { "/api/v1/audit", "/api/v1/audit/x", "/api/v1/audit/stats", "/api/v1/audit/export/x", "/api/v1/audit/export/x/download", "/api/v1/audit/exports", "/api/v1/exports/visibility", "/api/v1/exports/x", "/api/v1/exports/x/download", "/api/v1/exports/history", "/api/v1/exports/stats" })
        {
            await AssertProblemAsync(await host.GetAsync(path, user: null), HttpStatusCode.Unauthorized, "unauthenticated");
        }

        await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/v1/audit/export", null), HttpStatusCode.Unauthorized, "unauthenticated");
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/v1/exports", null, new { category = "operational-snapshot", format = "json" }), HttpStatusCode.Unauthorized, "unauthenticated");
        await AssertProblemAsync(await host.GetAsync("/api/v1/audit", "ana; roles=admin"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("startDate=yesterday", "startDate")]
    [InlineData("endDate=2024-13-45", "endDate")]
    [InlineData("severity=fatal", "severity")]
    [InlineData("actorType=robot", "actorType")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-3", "offset")]
    [InlineData("startDate=2024-02-01&endDate=2024-01-01", "endDate")]
    public async Task Bad_query_parameters_are_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await AssertProblemAsync(await host.GetAsync("/api/v1/audit?" + query, User("viewer")), HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Bad_export_body_is_400_and_makes_no_job()
    {
        var malformed = await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/v1/audit/export", User("admin"), "not json"), HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("body", malformed.GetProperty("parameter").GetString());
        var severity = await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/v1/audit/export", User("admin"), new { severity = "loud" }), HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("severity", severity.GetProperty("parameter").GetString());
        Assert.Empty(await host.EventsAsync(AuditEventTypes.ExportRequested));
    }

    [Fact]
    public async Task Spoofed_forwarded_for_from_an_untrusted_peer_is_not_the_client_ip()
    {
        await host.CreateAuditJobAsync(User("admin"));
        using var spoofed = await host.SendAsync(HttpMethod.Post, "/api/v1/audit/export", User("admin"), configure: r =>
        {
            r.Headers.Add("X-Forwarded-For", "198.51.100.66");
            r.Headers.Add("User-Agent", "curl/8");
            r.Headers.Add("X-Request-ID", "req-1");
        });
        using var proxied = await host.SendAsync(HttpMethod.Post, "/api/v1/audit/export", User("admin"), configure: r =>
        {
            r.Headers.Add("X-Forwarded-For", "198.51.100.7");
            r.Headers.Add("X-Test-Peer", TrustedProxy);
        });

        var requests = (await host.EventsAsync(AuditEventTypes.ExportRequested)).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(UntrustedPeer, requests[1].Request!.IpAddress);
        Assert.Equal("198.51.100.66", requests[1].Request!.ForwardedFor);
        Assert.Equal("curl/8", requests[1].Request!.UserAgent);
        Assert.Equal("req-1", requests[1].Request!.RequestId);
        Assert.Equal("198.51.100.7", requests[2].Request!.IpAddress);
    }

    [Fact]
    public async Task Download_records_the_request_metadata()
    {
        var jobId = await host.CreateAuditJobAsync(User("admin"));
        await host.DrainAsync();
        using var download = await host.SendAsync(HttpMethod.Get, $"/api/v1/audit/export/{jobId}/download", User("admin"), configure: r => r.Headers.Add("X-Forwarded-For", "198.51.100.66"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var downloaded = Assert.Single(await host.EventsAsync(AuditEventTypes.ExportDownloaded));
        Assert.Equal(UntrustedPeer, downloaded.Request!.IpAddress);
    }

    internal static async Task<System.Text.Json.JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await JsonAsync(response);
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
            Assert.Equal(errorCode, problem.GetProperty("errorCode").GetString());
            return problem;
        }
    }
}

using System.Net;
using System.Security.Cryptography;
using static ExportKit.AspNetCore.Tests.ApiHost;
using static ExportKit.AspNetCore.Tests.AuditRouteTests;

namespace ExportKit.AspNetCore.Tests;

public sealed class ExportRouteTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Visibility_lists_every_category_and_format_with_reasons_for_the_denied()
    {
        var admin = await JsonAsync(await host.GetAsync("/api/v1/exports/visibility", User("admin")));
        var member = await JsonAsync(await host.GetAsync("/api/v1/exports/visibility", User("member")));
        Assert.Equal(admin.GetProperty("categories").GetArrayLength(), member.GetProperty("categories").GetArrayLength());
        var insights = member.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "insights");
        Assert.False(insights.GetProperty("allowed").GetBoolean());
        Assert.False(string.IsNullOrEmpty(insights.GetProperty("reason").GetString()));
        var json = member.GetProperty("formats").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "json");
        Assert.True(json.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Bundle_job_runs_downloads_and_shows_in_history_and_stats()
    {
        using var created = await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("admin"), new { category = "operational-snapshot", format = "json", startDate = "2026-02-01", endDate = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var job = await JsonAsync(created);
        var id = job.GetProperty("id").GetString()!;
        Assert.Equal("bundle", job.GetProperty("kind").GetString());
        Assert.EndsWith("/api/v1/exports/" + id, created.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await host.DrainAsync());
        var done = await JsonAsync(await host.GetAsync($"/api/v1/exports/{id}", User("admin")));
        Assert.Equal("success", done.GetProperty("status").GetString());

        using var download = await host.GetAsync($"/api/v1/exports/{id}/download", User("admin"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, download.Content.Headers.ContentLength);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", download.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal(done.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));

        using var historyResponse = await host.GetAsync("/api/v1/exports/history", User("viewer"));
        Assert.Equal(HttpStatusCode.OK, historyResponse.StatusCode);
        Assert.Equal(1, (await JsonAsync(historyResponse)).GetArrayLength());
        using var statsResponse = await host.GetAsync("/api/v1/exports/stats", User("viewer"));
        Assert.Equal(HttpStatusCode.OK, statsResponse.StatusCode);
        var stats = await JsonAsync(statsResponse);
        Assert.Equal(1, stats.GetProperty("totalExports").GetInt64());
        Assert.Equal(1, stats.GetProperty("totalDownloads").GetInt64());

        var globex = await JsonAsync(await host.GetAsync("/api/v1/exports/stats", User("owner", "gus", "globex")));
        Assert.Equal(0, globex.GetProperty("totalExports").GetInt64());
        await AssertProblemAsync(await host.GetAsync($"/api/v1/exports/{id}", User("owner", "gus", "globex")), HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(await host.GetAsync($"/api/v1/exports/{id}/download", User("owner", "gus", "globex")), HttpStatusCode.NotFound, "not-found");
        // A bundle job is not an audit CSV job.
        await AssertProblemAsync(await host.GetAsync($"/api/v1/audit/export/{id}", User("admin")), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Policy_denial_is_403_with_the_violations_and_makes_no_job()
    {
        var problem = await AssertProblemAsync(
            await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("member"), new { category = "executive-summary", format = "json" }),
            HttpStatusCode.Forbidden,
            "policy-denied");
        Assert.NotEqual(0, problem.GetProperty("violations").GetArrayLength());
        Assert.Equal(0, await host.DrainAsync());
    }

    [Theory]
    [InlineData("{\"category\":\"nope\",\"format\":\"json\"}", "category")]
    [InlineData("{\"category\":\"operational-snapshot\",\"format\":\"docx\"}", "format")]
    [InlineData("{\"format\":\"json\"}", "category")]
    [InlineData("{\"category\":\"operational-snapshot\",\"format\":\"json\",\"startDate\":\"soon\",\"endDate\":\"2026-03-01\"}", "startDate")]
    [InlineData("{\"category\":\"operational-snapshot\",\"format\":\"json\",\"startDate\":\"2026-03-01\"}", "endDate")]
    [InlineData("{\"category\":\"operational-snapshot\",\"format\":\"json\",\"startDate\":\"2026-03-01\",\"endDate\":\"2026-02-01\"}", "endDate")]
    [InlineData("{\"category\":", "category")]
    [InlineData("", "body")]
    [InlineData("{\"category\":42,\"format\":\"json\"}", "category")]
    public async Task Bad_bundle_requests_are_400_naming_the_field(string body, string parameter)
    {
        var problem = await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("admin"), body), HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(0, await host.DrainAsync());
    }

    [Fact]
    public async Task History_take_out_of_range_is_400()
    {
        var problem = await AssertProblemAsync(await host.GetAsync("/api/v1/exports/history?take=0", User("admin")), HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("take", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Principal_factory_replaces_the_claims()
    {
        await using var custom = await StartAsync(o => o.PrincipalFactory = context =>
            context.Request.Headers["X-Api-Key"] == "k1" ? Audit.RolePermissionMap.AuditGovernance.CreatePrincipal("svc", "acme", "viewer") : null);
        using var ok = await custom.SendAsync(HttpMethod.Get, "/api/v1/audit", user: null, configure: r => r.Headers.Add("X-Api-Key", "k1"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await AssertProblemAsync(await custom.GetAsync("/api/v1/audit", User("admin")), HttpStatusCode.Unauthorized, "unauthenticated");
    }
}

public sealed class ExportRouteInputTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Visibility_gives_each_violation_of_the_policy_for_a_denied_format_and_category()
    {
        var member = await JsonAsync(await host.GetAsync("/api/v1/exports/visibility", User("member")));
        var zip = member.GetProperty("formats").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "zip");
        Assert.False(zip.GetProperty("allowed").GetBoolean());
        Assert.Contains("bundle-formats", zip.GetProperty("violations").EnumerateArray().Single().GetString(), StringComparison.Ordinal);
        var executive = member.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "executive-summary");
        Assert.Contains(executive.GetProperty("violations").EnumerateArray(), v => v.GetString()!.Contains("executive", StringComparison.OrdinalIgnoreCase));
        var snapshot = member.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "operational-snapshot");
        Assert.True(snapshot.GetProperty("allowed").GetBoolean());
        Assert.Equal(0, snapshot.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public async Task Oversized_body_is_413_naming_the_body_and_makes_no_job()
    {
        var body = "{\"category\":\"operational-snapshot\",\"format\":\"json\",\"facilityId\":\"" + new string('x', 70_000) + "\"}";
        var problem = await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("admin"), body), HttpStatusCode.RequestEntityTooLarge, "invalid-parameter");
        Assert.Equal("body", problem.GetProperty("parameter").GetString());
        Assert.Equal(0, await host.DrainAsync());
    }

    [Theory]
    [InlineData("/api/v1/exports/history?take=1000", "take")]
    [InlineData("/api/v1/exports/history?take=ten", "take")]
    [InlineData("/api/v1/audit?limit=5000", "limit")]
    [InlineData("/api/v1/audit?offset=-1", "offset")]
    [InlineData("/api/v1/audit?limit=1&limit=2", "limit")]
    [InlineData("/api/v1/audit?severity=loud", "severity")]
    [InlineData("/api/v1/audit?actorType=robot", "actorType")]
    [InlineData("/api/v1/audit?startDate=yesterday", "startDate")]
    [InlineData("/api/v1/audit/stats?endDate=2024-13-45", "endDate")]
    [InlineData("/api/v1/audit/exports?limit=0", "limit")]
    public async Task Malformed_query_parameters_are_400_naming_the_parameter(string path, string parameter)
    {
        var problem = await AssertProblemAsync(await host.GetAsync(path, User("admin")), HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }
}

using System.Net;

namespace ExportKit.WebSample.Tests.Api;

/// <summary>Seed 003's RBAC table, row by row, for the four roles, through the web sample's API.</summary>
public sealed class RbacTests : IClassFixture<WebSampleFactory>
{
    private readonly WebSampleFactory factory;
    private readonly HttpClient client;

    public RbacTests(WebSampleFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    public static TheoryData<string, bool> Roles => new()
    {
        { Http.Owner, true },
        { Http.Admin, true },
        { Http.Member, false },
        { Http.Viewer, false },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_role_views_filters_and_opens_entries(string user, bool admin)
    {
        _ = admin;
        var page = await (await client.GetAsync("/api/v1/audit?limit=5", user)).JsonAsync();
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        var errors = await (await client.GetAsync("/api/v1/audit?severity=error&actorType=system", user)).JsonAsync();
        Assert.All(errors.GetProperty("items").EnumerateArray(), e => Assert.Equal("error", e.GetProperty("severity").GetString()));
        Assert.NotEqual(0, errors.GetProperty("items").GetArrayLength());
        var id = page.GetProperty("items")[0].GetProperty("id").GetString()!;
        using var entry = await client.GetAsync($"/api/v1/audit/{id}", user);
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        using var stats = await client.GetAsync("/api/v1/audit/stats", user);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Only_owner_and_admin_create_follow_download_and_list_exports(string user, bool admin)
    {
        var job = await factory.AuditJobAsync(client, Http.Owner);
        var responses = new[]
        {
            await client.SendAsync(HttpMethod.Post, "/api/v1/audit/export", user),
            await client.GetAsync($"/api/v1/audit/export/{job}", user),
            await client.GetAsync($"/api/v1/audit/export/{job}/download", user),
            await client.GetAsync("/api/v1/audit/exports", user),
        };
        foreach (var response in responses)
        {
            if (admin)
            {
                Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}");
                response.Dispose();
            }
            else
            {
                var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
                Assert.Equal("Admin role required", problem.GetProperty("detail").GetString());
            }
        }

        await factory.DrainAsync(); // the job the admin roles just made
    }
}

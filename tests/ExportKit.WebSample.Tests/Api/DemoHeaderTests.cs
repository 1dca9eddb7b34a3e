using System.Net;

namespace ExportKit.WebSample.Tests.Api;

/// <summary>X-Demo-User: parsed strictly, and honoured only in Development or with DemoUsers=true.</summary>
public sealed class DemoHeaderTests : IClassFixture<WebSampleFactory>
{
    private readonly HttpClient client;

    public DemoHeaderTests(WebSampleFactory factory) => client = factory.CreateClient();

    [Theory]
    [InlineData("ana")]
    [InlineData("ana; tenant=acme")]
    [InlineData("ana; roles=owner; tenant=acme")]
    [InlineData("ana; tenant=; roles=owner")]
    [InlineData("; tenant=acme; roles=owner")]
    [InlineData("ana; tenant=acme; roles=")]
    [InlineData("ana; tenant=acme; roles=owner, admin")]
    [InlineData("ana; tenant=acme; roles=Owner")]
    [InlineData("a<script>; tenant=acme; roles=owner")]
    [InlineData("ana; tenant=acme; roles=owner; federation=f1")]
    public async Task Malformed_header_is_400_naming_it(string header)
    {
        var problem = await (await client.GetAsync("/api/v1/audit", header)).ProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("X-Demo-User", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Two_headers_are_400_and_none_is_401()
    {
        await (await client.SendAsync(HttpMethod.Get, "/api/v1/audit", Http.Admin, configure: r => r.Headers.TryAddWithoutValidation("X-Demo-User", Http.Owner)))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        await (await client.GetAsync("/api/v1/audit", user: null)).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Pages_are_served_without_a_user()
    {
        foreach (var path in new[] { "/", "/audit.html", "/common.js", "/app.css" })
        {
            using var response = await client.GetAsync(path, user: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Outside_Development_the_header_is_ignored_unless_the_switch_is_on()
    {
        using (var production = new WebSampleFactory { Environment = "Production" })
        {
            using var productionClient = production.CreateClient();
            await (await productionClient.GetAsync("/api/v1/audit", Http.Owner)).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
            await (await productionClient.GetAsync("/api/v1/audit", "not a header at all")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        }

        using var switched = new WebSampleFactory { Environment = "Production", DemoUsers = true };
        using var switchedClient = switched.CreateClient();
        using var ok = await switchedClient.GetAsync("/api/v1/audit", Http.Owner);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ExportKit.WebSample.Tests.Api;

/// <summary>Requests as a demo user (<c>X-Demo-User</c>) and checks of the problem details the API answers with.</summary>
internal static class Http
{
    public const string Owner = "ana; tenant=acme; roles=owner";
    public const string Admin = "ben; tenant=acme; roles=admin";
    public const string Member = "cy; tenant=acme; roles=member";
    public const string Viewer = "dee; tenant=acme; roles=viewer";
    public const string OtherTenantOwner = "gus; tenant=globex; roles=owner";

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? user, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Demo-User", user);
        }

        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? user) => client.SendAsync(HttpMethod.Get, path, user);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(errorCode, problem.GetProperty("errorCode").GetString());
        return problem;
    }

    /// <summary>Creates an audit CSV job as the user and runs it; returns its id.</summary>
    public static async Task<string> AuditJobAsync(this WebSampleFactory factory, HttpClient client, string user, Action<HttpRequestMessage>? configure = null)
    {
        using var created = await client.SendAsync(HttpMethod.Post, "/api/v1/audit/export", user, configure: configure);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal(1, await factory.DrainAsync());
        return id;
    }
}

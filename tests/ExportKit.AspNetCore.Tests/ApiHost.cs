using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExportKit.Audit;
using ExportKit.Sources;
using ExportKit.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ExportKit.Jobs;

namespace ExportKit.AspNetCore.Tests;

/// <summary>
/// A TestServer with AddExportKit() on in-memory stores, a fake clock, three logins in acme and one in globex, and a
/// test authentication scheme: <c>X-Test-User: user; tenant=acme; roles=admin</c>. The connection comes from
/// <c>X-Test-Peer</c> (default 203.0.113.9); 10.0.0.1 is the one trusted proxy.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string UntrustedPeer = "203.0.113.9";
    public const string TrustedProxy = "10.0.0.1";

    private readonly WebApplication app;

    private ApiHost(WebApplication app, HttpClient client, string storage)
    {
        this.app = app;
        Client = client;
        StorageDirectory = storage;
    }

    public FakeTimeProvider Clock => (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();

    public HttpClient Client { get; }

    public string StorageDirectory { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<ApiHost> StartAsync(Action<ExportKitAspNetCoreOptions>? configure = null)
    {
        var storage = Path.Combine(Path.GetTempPath(), "exportkit-aspnet-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(TestClock.Create());
        builder.Services.AddSingleton<IExportIdGenerator>(new SequentialIds());
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.Configure<AuditOptions>(o => o.TrustedProxies.Add(TrustedProxy));
        var kit = builder.Services.AddExportKit();
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            kit.AddDataSource(source);
        }

        kit.ConfigureJobs(o => o.StorageDirectory = storage).AddAspNetCore(configure);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? UntrustedPeer);
            return next(context);
        });
        app.UseAuthentication();
        app.MapExportKit("/api/v1");
        await app.StartAsync();

        var trail = app.Services.GetRequiredService<IAuditTrail>();
        foreach (var (tenant, user, severity) in new[] { ("acme", "u1", AuditSeverity.Info), ("acme", "u2", AuditSeverity.Error), ("acme", "u3", AuditSeverity.Info), ("globex", "g1", AuditSeverity.Info) })
        {
            await trail.RecordAsync(new AuditEventDraft { EventType = AuditEventTypes.AuthLogin, TenantId = tenant, UserId = user, Severity = severity, Context = new { method = "password" } });
        }

        return new ApiHost(app, app.GetTestClient(), storage);
    }

    public static string User(string role, string user = "ana", string tenant = "acme") => $"{user}; tenant={tenant}; roles={role}";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? user, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
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
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? user) => SendAsync(HttpMethod.Get, path, user);

    public async Task<string> CreateAuditJobAsync(string user, object? body = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/audit/export", user, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    public Task<int> DrainAsync() => app.Services.GetRequiredService<IExportJobProcessor>().DrainAsync();

    public async Task<List<AuditEvent>> EventsAsync(string type) =>
        [.. await app.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery("acme") { EventType = type }, RolePermissionMap.AuditGovernance.CreatePrincipal("t", "acme", "owner"))];

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (Directory.Exists(StorageDirectory))
        {
            Directory.Delete(StorageDirectory, recursive: true);
        }
    }
}

/// <summary>Authenticates <c>X-Test-User: user; tenant=…; roles=a,b; federation=…</c>; no header, no identity.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers["X-Test-User"].FirstOrDefault();
        if (header is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, parts[0]) };
        foreach (var part in parts.Skip(1))
        {
            var (key, value) = (part[..part.IndexOf('=', StringComparison.Ordinal)], part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            switch (key)
            {
                case "tenant": claims.Add(new("tenant_id", value)); break;
                case "federation": claims.Add(new("federation_id", value)); break;
                case "roles": claims.AddRange(value.Split(',').Select(r => new Claim(ClaimTypes.Role, r))); break;
                default: break;
            }
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

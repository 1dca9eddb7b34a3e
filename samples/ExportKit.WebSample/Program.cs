using System.Net;
using ExportKit.Sample.Demo;
using ExportKit.Sources;
using ExportKit.WebSample;

// ExportKit's REST API and two dashboard pages on 127.0.0.1, with the demo data on SQLite and the job worker in
// process. Settings (appsettings.json, environment, or --Key value): Port, DataDirectory, DemoUsers, Worker.
var builder = WebApplication.CreateBuilder(args);
var settings = WebSampleSettings.Read(builder.Configuration, builder.Environment);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));

var exportKit = builder.Services.AddExportKit(options => options.DefaultTimeRangeDays = 30)
    .UseSqlite(Path.Combine(settings.DataDirectory, "exportkit.db"))
    .ConfigureAudit(audit => audit.TrustedProxies.Add("10.0.0.0/8")) // X-Forwarded-For is believed only from the demo's load balancer
    .ConfigureJobs(jobs => (jobs.StorageDirectory, jobs.PollInterval) = (Path.Combine(settings.DataDirectory, "jobs"), TimeSpan.FromMilliseconds(250)))
    .AddAspNetCore(api => (api.AllowDirectExports, api.DirectExportMaxBytes) = (settings.DirectExports, 4 * 1024 * 1024));
foreach (var source in InMemoryPhaseDataSource.ForEachPhase(DemoData.Generate(TimeProvider.System.GetUtcNow())))
{
    exportKit.AddDataSource(source);
}

if (settings.Worker)
{
    exportKit.AddExportJobWorker();
}

// The stand-in for a login: X-Demo-User, honoured only in Development or with DemoUsers=true. A real host registers
// its own scheme here instead (JWT bearer, cookies, OpenID Connect) — see README.md.
builder.Services.AddAuthentication().AddDemoUsers(settings.DemoUsers);
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();

var app = builder.Build();
await DemoAudit.SeedAsync(app.Services);
app.UseStatusCodePages(); // with AddProblemDetails: the framework's own bare 4xx (a 415 for a non-JSON body, a 404) become problem details too
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
var api = app.MapExportKit("/api/v1");
if (settings.DemoUsers)
{
    api.RequireAuthorization(DemoUserAuthentication.Policy);
}

Console.WriteLine($"ExportKit web sample: http://127.0.0.1:{settings.Port}/ (data in {settings.DataDirectory}; X-Demo-User {(settings.DemoUsers ? "honoured" : "ignored: not Development")})");
await app.RunAsync();

/// <summary>The entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "WebApplicationFactory<Program> in the public test classes needs it public.")]
public partial class Program;

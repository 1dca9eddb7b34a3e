using System.Net;
using ExportKit.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.WebSample.Tests;

/// <summary>
/// The web sample on its own temporary data directory, in Development unless told otherwise, with no hosted worker
/// (tests drain the queue) and a fake clock that starts now. <c>X-Test-Peer</c> sets the connection's address
/// (default 203.0.113.9, untrusted; the sample trusts 10.0.0.0/8).
/// </summary>
public sealed class WebSampleFactory : WebApplicationFactory<Program>
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "exportkit-websample-tests-" + Guid.NewGuid().ToString("N"));

    public string Environment { get; init; } = "Development";

    public bool? DemoUsers { get; init; }

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Gets or sets a value indicating whether the app runs as it does for a user: Kestrel on a real 127.0.0.1 port, the hosted worker, the system clock.</summary>
    public bool RealServer { get; init; }

    public Task<int> DrainAsync() => Services.GetRequiredService<IExportJobProcessor>().DrainAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.UseSetting("DataDirectory", data);
        builder.UseSetting("Worker", RealServer ? "true" : "false");
        if (RealServer)
        {
            builder.UseSetting("Port", "0"); // any free port; the sample listens on 127.0.0.1 only
            return;
        }

        if (DemoUsers is { } demo)
        {
            builder.UseSetting("DemoUsers", demo ? "true" : "false");
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter>(new PeerFilter());
        });
    }

    /// <summary>Starts the app on Kestrel (<see cref="RealServer"/>) and returns its address, for a browser.</summary>
    public Uri StartKestrel()
    {
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(data))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? "203.0.113.9");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

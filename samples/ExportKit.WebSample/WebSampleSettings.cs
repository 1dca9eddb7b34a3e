namespace ExportKit.WebSample;

/// <summary>The sample's settings, read once at start-up from configuration (appsettings.json, environment, <c>--Key value</c>).</summary>
internal sealed record WebSampleSettings(int Port, string DataDirectory, bool DemoUsers, bool Worker, bool DirectExports)
{
    public const int DefaultPort = 5080;

    public static WebSampleSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var port = configuration.GetValue("Port", DefaultPort);
        if (port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Port {port} is not a TCP port: give 1-65535 (or 0 for any free port), for example --Port 5081.");
        }

        var data = configuration["DataDirectory"];
        data = string.IsNullOrWhiteSpace(data) ? Path.Combine(Path.GetTempPath(), "exportkit-websample") : Path.GetFullPath(data);
        Directory.CreateDirectory(data);

        // The demo header is a login anyone can type: only a developer's machine, or an explicit switch, may honour it.
        var demoUsers = environment.IsDevelopment() || configuration.GetValue("DemoUsers", false);
        return new WebSampleSettings(port, data, demoUsers, configuration.GetValue("Worker", true), configuration.GetValue("DirectExports", true));
    }
}

using System.Diagnostics;

namespace ExportKit.Formats.Tests.Html;

/// <summary>Runs the Nu HTML Checker (the W3C validator) over the golden outputs and pages full of hostile data.</summary>
public sealed class HtmlValidityTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("exportkit-vnu-").FullName;

    [VnuFact]
    public async Task Golden_outputs_and_pages_of_hostile_data_are_valid_html5()
    {
        var files = new List<string>();
        foreach (var caseName in HtmlOutput.Cases)
        {
            files.Add(await WriteAsync(caseName, HtmlOutput.Build(caseName)));
        }

        var payloads = HostileData.All.ToArray();
        for (var i = 0; i < payloads.Length; i++)
        {
            files.Add(await WriteAsync($"hostile-{i:D2}", HostileData.Everywhere(payloads[i], ExportFormat.Html)));
        }

        var (exitCode, output) = await RunAsync(["-jar", VnuFactAttribute.JarPath!, "--errors-only", "--format", "text", .. files]);

        Assert.True(exitCode == 0, $"The Nu HTML Checker found errors (exit code {exitCode}):\n{output}");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<string> WriteAsync(string name, ExportBundle bundle)
    {
        var path = Path.Combine(directory, name + ".html");
        await File.WriteAllBytesAsync(path, await HtmlOutput.WriteAsync(bundle));
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

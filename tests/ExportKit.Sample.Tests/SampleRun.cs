namespace ExportKit.Sample.Tests;

/// <summary>Runs the sample in-process against a temporary directory and log.</summary>
internal sealed class SampleRun : IDisposable
{
    public const string Now = "2026-03-01T12:00:00Z";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "exportkit-sample-" + Guid.NewGuid().ToString("N"));

    public string Database => Path.Combine(Directory, "sample.db");

    public string Out => Path.Combine(Directory, "exports");

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SampleApp.RunAsync([.. args, "--db", Database, "--out", Out], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

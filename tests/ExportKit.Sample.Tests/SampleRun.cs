namespace ExportKit.Sample.Tests;

/// <summary>Runs the sample in-process against a temporary directory and log.</summary>
internal sealed class SampleRun : IDisposable
{
    public const string Now = "2026-03-01T12:00:00Z";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "exportkit-sample-" + Guid.NewGuid().ToString("N"));

    public string Database => Path.Combine(Directory, "sample.db");

    public string Out => Path.Combine(Directory, "exports");

    /// <summary>Gets the folder export jobs keep their files in (the default, beside the database).</summary>
    public string Jobs => Path.Combine(Directory, "sample-jobs");

    // --out is the sample's output folder unless the test names its own (jobs download --out FILE).
    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SampleApp.RunAsync([.. args, "--db", Database, .. args.Contains("--out") ? Array.Empty<string>() : ["--out", Out]], output, error);
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

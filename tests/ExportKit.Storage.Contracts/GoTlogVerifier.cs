using System.Diagnostics;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// The reference verifier, tests/tlog-verifier (Go's golang.org/x/mod/sumdb/note and tlog), built once per run in GOPATH
/// mode against the Debian package golang-golang-x-mod-dev, without network. <see cref="SkipReason"/> says what is
/// missing when it cannot be built here.
/// </summary>
public static class GoTlogVerifier
{
    private const string GoPath = "/usr/share/gocode";

    private static readonly Lazy<(string? Binary, string? Problem)> Built = new(Build);

    public static string? SkipReason => Go() is null
        ? "Go is not installed, so ExportKit's checkpoints and proofs cannot be checked by the reference implementation: install golang-go and golang-golang-x-mod-dev (CI does)."
        : !Directory.Exists(Path.Combine(GoPath, "src/golang.org/x/mod/sumdb/note"))
            ? $"golang.org/x/mod is not in {GoPath}, so the reference verifier cannot be built: install golang-golang-x-mod-dev (CI does)."
            : null;

    /// <summary>Runs the verifier; returns its exit code and what it wrote.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var (binary, problem) = Built.Value;
        if (binary is null)
        {
            throw new InvalidOperationException("The reference verifier did not build: " + problem);
        }

        return Execute(binary, null, arguments);
    }

    private static string? Go() =>
        new[] { "/usr/bin/go", "/usr/lib/go/bin/go", "/usr/local/go/bin/go" }.FirstOrDefault(File.Exists);

    private static (string? Binary, string? Problem) Build()
    {
        var source = FindSource();
        var output = Path.Combine(Path.GetTempPath(), "exportkit-tlog-verifier-" + Environment.ProcessId);
        Directory.CreateDirectory(output);
        var binary = Path.Combine(output, "tlog-verifier");
        var (exit, text) = Execute(Go()!, source, ["build", "-o", binary, "."]);
        return exit == 0 ? (binary, null) : (null, text);
    }

    private static string FindSource()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tlog-verifier");
            if (File.Exists(Path.Combine(candidate, "main.go")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/tlog-verifier/main.go was not found above the test's directory.");
    }

    private static (int ExitCode, string Output) Execute(string file, string? directory, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOPATH"] = GoPath;
        start.Environment["GOFLAGS"] = "-mod=mod";
        start.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "exportkit-go-cache");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}

/// <summary>A fact that needs the reference verifier, skipped (saying what to install) where it cannot be built.</summary>
public sealed class GoTlogFactAttribute : FactAttribute
{
    public GoTlogFactAttribute() => Skip = GoTlogVerifier.SkipReason;
}

namespace ExportKit.Sample.Tests;

/// <summary>
/// Issue "every promise holds under attack", reproducible exports with durable stores: the README's
/// <c>export --now …</c> followed by another format at the same <c>--now</c> crashed with a stack trace, and
/// statistics then counted exports that did not exist.
/// </summary>
public sealed class ReproducibleExportTests : IDisposable
{
    private static readonly string[] Json = ["export", "--category", "compliance-pack", "--format", "json", "--tenant", "acme", "--user", "dana", "--role", "auditor", "--now", SampleRun.Now];

    private readonly SampleRun run = new();

    [Fact]
    public async Task Two_different_exports_at_the_same_now_never_collide()
    {
        var json = await run.RunAsync(Json);
        var csv = await run.RunAsync([.. Json[..4], "csv", .. Json[5..]]);
        var facility = await run.RunAsync([.. Json, "--facility", "acme-east"]);

        Assert.Equal((0, ""), (json.Exit, json.Error));
        Assert.Equal((0, ""), (csv.Exit, csv.Error));
        Assert.Equal((0, ""), (facility.Exit, facility.Error));
        Assert.Equal(3, Directory.GetFiles(run.Out).Length);
        var stats = await run.RunAsync("stats", "--now", SampleRun.Now);
        Assert.Contains("Total exports          3", stats.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_export_repeated_against_one_database_gives_the_identical_file()
    {
        var first = await run.RunAsync(Json);
        var file = Assert.Single(Directory.GetFiles(run.Out));
        var bytes = await File.ReadAllBytesAsync(file);

        var second = await run.RunAsync(Json);

        Assert.Equal((0, ""), (second.Exit, second.Error));
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(run.Out))));
    }

    [Fact]
    public async Task An_unusable_database_is_one_line_and_exit_1_never_a_stack_trace()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var blocker = Path.Combine(run.Directory, "file");
        Directory.CreateDirectory(run.Directory);
        await File.WriteAllTextAsync(blocker, "not a directory");

        var exit = await SampleApp.RunAsync(["stats", "--db", Path.Combine(blocker, "sample.db")], output, error);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_output_directory_is_one_line_and_exit_1()
    {
        Directory.CreateDirectory(run.Directory);
        var blocker = Path.Combine(run.Directory, "exports-file");
        await File.WriteAllTextAsync(blocker, "not a directory");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SampleApp.RunAsync([.. Json, "--db", run.Database, "--out", Path.Combine(blocker, "exports")], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("Error (storage-failed):", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => run.Dispose();
}

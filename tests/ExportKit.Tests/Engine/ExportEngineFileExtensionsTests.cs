using ExportKit.Tests.Sources;

namespace ExportKit.Tests.Engine;

public sealed class ExportEngineFileExtensionsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "exportkit-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_written_export_is_named_after_its_bundle()
    {
        var result = await new TestEngine().Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), directory);

        Assert.True(result.Succeeded);
        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.Equal(result.FileName, Path.GetFileName(file));
        Assert.Equal(result.SizeBytes, new FileInfo(file).Length);
    }

    [Fact]
    public async Task A_failed_export_leaves_no_file_behind()
    {
        var engine = new TestEngine([new ThrowingSource(ExportPhase.Alerts, after: 5)]);

        var result = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), directory);

        Assert.False(result.Succeeded);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task A_denied_export_leaves_no_file_behind()
    {
        var result = await new TestEngine().Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs), null, directory);

        Assert.Equal(ExportErrorCodes.PolicyDenied, result.ErrorCode);
        Assert.False(Directory.Exists(directory), "A denied export must not touch the destination.");
    }

    [Fact]
    public async Task A_stale_partial_file_left_by_a_killed_process_is_removed_by_the_next_export()
    {
        Directory.CreateDirectory(directory);
        var stale = Path.Combine(directory, ".exportkit-" + new string('a', 32) + ".partial");
        var legacy = Path.Combine(directory, "." + new string('b', 32) + ".partial");
        var fresh = Path.Combine(directory, ".exportkit-" + new string('c', 32) + ".partial");
        var hosts = Path.Combine(directory, ".host-notes.partial");
        foreach (var path in new[] { stale, legacy, fresh, hosts })
        {
            await File.WriteAllTextAsync(path, "partial export");
        }

        var old = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2);
        File.SetLastWriteTimeUtc(stale, old);
        File.SetLastWriteTimeUtc(legacy, old);
        File.SetLastWriteTimeUtc(hosts, old);

        var result = await new TestEngine().Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), directory);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(legacy));
        Assert.True(File.Exists(fresh), "A partial file younger than StalePartialFileAge may belong to a running export.");
        Assert.True(File.Exists(hosts), "Only files ExportKit names are removed.");
    }

    [Fact]
    public async Task A_partial_file_held_by_a_running_export_is_never_removed_however_old()
    {
        Directory.CreateDirectory(directory);
        var held = Path.Combine(directory, ".exportkit-" + new string('d', 32) + ".partial");
        await using (var running = new FileStream(held, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            File.SetLastWriteTimeUtc(held, TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-2));

            var result = await new TestEngine().Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), directory);

            Assert.True(result.Succeeded, result.ErrorMessage);
            Assert.True(File.Exists(held));
        }
    }

    [Fact]
    public async Task The_stale_age_is_configurable()
    {
        Directory.CreateDirectory(directory);
        var partial = Path.Combine(directory, ".exportkit-" + new string('e', 32) + ".partial");
        await File.WriteAllTextAsync(partial, "partial export");
        File.SetLastWriteTimeUtc(partial, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10));
        var engine = new TestEngine(configure: b => b.Configure(o => o.StalePartialFileAge = TimeSpan.FromMinutes(5)));

        await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), directory);

        Assert.False(File.Exists(partial));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

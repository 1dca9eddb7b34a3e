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
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Spooling;

/// <summary>
/// Regression: the spool file (every item of a large export beyond the memory budget) was always made in
/// <see cref="Path.GetTempPath"/>, whatever directory the host chose for ExportKit's temporary data. It now goes to
/// <see cref="ExportBundleAssemblerOptions.TemporaryDirectory"/>, keeps its protections, and a directory that cannot
/// take it fails the export naming the directory and the option.
/// </summary>
public sealed class SpoolDirectoryTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "exportkit-spooldir-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_spool_file_is_made_in_the_configured_directory_owner_only_and_removed_on_dispose()
    {
        Directory.CreateDirectory(directory);
        var built = await BuildAsync(new ExportBundleAssemblerOptions { TemporaryDirectory = directory, SpoolMemoryBudget = 0 });
        string file;
        using (built)
        {
            // The bundle holds its spool until it is disposed: the file is there while the bundle is being written.
            file = Assert.Single(Directory.GetFiles(directory));
            Assert.Matches(@"exportkit-spool-[0-9a-f]{32}\.tmp\z", file);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            Assert.Throws<IOException>(() => File.OpenRead(file)); // held exclusively
            Assert.True(new FileInfo(file).Length > 0);
            var section = built.Bundle.Sections[0];
            Assert.True(section.ItemCount > 0);
            Assert.Equal(section.ItemCount, (await section.ReadItemsAsync()).Count);
        }

        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task Items_within_the_budget_make_no_file()
    {
        Directory.CreateDirectory(directory);

        using var built = await BuildAsync(new ExportBundleAssemblerOptions { TemporaryDirectory = directory });

        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task A_missing_directory_fails_naming_it_and_the_option_and_is_not_created()
    {
        var error = await Assert.ThrowsAsync<ExportException>(() => BuildAsync(new ExportBundleAssemblerOptions { TemporaryDirectory = directory, SpoolMemoryBudget = 0 }));

        Assert.Equal(ExportErrorCodes.StorageFailed, error.ErrorCode);
        Assert.Contains($"'{directory}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist. Nothing was written; create it or mount its volume, or set ExportKitOptions.TemporaryDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExportKitOptions.TemporaryDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExportBundleAssemblerOptions.TemporaryDirectory", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory), "A missing directory may be an unmounted volume: it must not be created.");
    }

    [UnwritableDirectoryFact]
    public async Task An_unwritable_directory_fails_naming_it_and_the_option()
    {
        var unwritable = UnwritableDirectory.Path!;

        var error = await Assert.ThrowsAsync<ExportException>(() => BuildAsync(new ExportBundleAssemblerOptions { TemporaryDirectory = unwritable, SpoolMemoryBudget = 0 }));

        Assert.Equal(ExportErrorCodes.StorageFailed, error.ErrorCode);
        Assert.Contains($"'{unwritable}' could not be created (", error.Message, StringComparison.Ordinal);
        Assert.Contains("let this process create files there, or set ExportKitOptions.TemporaryDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExportKitOptions.TemporaryDirectory", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_relative_directory_is_resolved_when_the_assembler_is_made()
    {
        Directory.CreateDirectory(directory);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, directory);

        using var built = await BuildAsync(new ExportBundleAssemblerOptions { TemporaryDirectory = relative, SpoolMemoryBudget = 0 });

        Assert.Single(Directory.GetFiles(directory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\0name")]
    public void A_temporary_directory_that_is_not_a_path_is_refused_with_every_problem(string value)
    {
        var options = new ExportBundleAssemblerOptions { TemporaryDirectory = value, MaxFieldDepth = 0 };

        var problems = options.Validate();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ExportBundleAssembler([], TimeProvider.System, options));

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("ExportBundleAssemblerOptions.TemporaryDirectory is ", problems[1], StringComparison.Ordinal);
        Assert.EndsWith("or null for the system's temporary directory.", problems[1], StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Contains(p, error.Message, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<AssembledBundle> BuildAsync(ExportBundleAssemblerOptions options)
    {
        var definition = Definition(ExportCategory.AuditFindings);
        return new ExportBundleAssembler(ListSource.ForEveryPhase(Records()), TestClock.Create(), options)
            .BuildAsync(definition, Query(definition.Category), ThirtyDays, ExportId);
    }
}

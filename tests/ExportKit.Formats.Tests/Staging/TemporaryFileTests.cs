using ExportKit.Formats.Staging;
using ExportKit.Formats.Tests.AuditorPackage;

namespace ExportKit.Formats.Tests.Staging;

/// <summary>
/// Issue "every promise holds under attack", temp files: the auditor package staged its whole payload in $TMPDIR with
/// mode 0644, readable by every user of a shared /tmp, and left it there when the process was killed.
/// </summary>
public sealed class TemporaryFileTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "exportkit-staging-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_staging_file_is_owner_only_and_deleted_when_closed()
    {
        string path;
        using (var file = PrivateTemporaryFile.Create(directory, "payload"))
        {
            path = file.Name;
            Assert.StartsWith(directory, path, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Files_a_killed_process_left_are_removed_but_held_and_foreign_files_are_kept()
    {
        Directory.CreateDirectory(directory);
        var stale = Path.Combine(directory, "exportkit-payload-" + new string('a', 32) + ".tmp");
        var legacy = Path.Combine(directory, "exportkit-" + new string('b', 32) + ".zip");
        var foreign = Path.Combine(directory, "exportkit-notes.tmp");
        File.WriteAllText(stale, "payload of a killed process");
        File.WriteAllText(legacy, "zip of a killed process");
        File.WriteAllText(foreign, "a host's file");
        var held = Path.Combine(directory, "exportkit-payload-" + new string('c', 32) + ".tmp");
        using var running = new FileStream(held, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);

        var removed = PrivateTemporaryFile.RemoveStale(directory);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(legacy));
        Assert.True(File.Exists(foreign));
        Assert.True(File.Exists(held), "A file a running export holds is never removed.");
    }

    [Fact]
    public async Task The_auditor_package_spills_a_large_entry_to_the_configured_directory_privately_and_leaves_nothing()
    {
        // Entries are compressed into memory up to 4 MiB; a larger one (here stored, 5 MB) continues in a private file.
        var seen = new List<(string Name, UnixFileMode Mode)>();
        var csv = new ObservingCsvFormatter(
            () =>
            {
                foreach (var file in Directory.GetFiles(directory))
                {
                    seen.Add((Path.GetFileName(file), OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(file)));
                }
            },
            padding: 5_000_000);
        var formatter = ExportFormatters.AuditorPackage(new AuditorPackageOptions { Csv = csv, TemporaryDirectory = directory, CompressionLevel = System.IO.Compression.CompressionLevel.NoCompression });

        using var output = new MemoryStream();
        await formatter.WriteAsync(AuditorPackages.Bundle("CompliancePack"), output, CancellationToken.None);

        Assert.NotEmpty(seen);
        Assert.All(seen, file =>
        {
            Assert.StartsWith("exportkit-entry-", file.Name, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, file.Mode);
            }
        });
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task A_failing_package_leaves_no_staging_file()
    {
        var formatter = ExportFormatters.AuditorPackage(new AuditorPackageOptions { Csv = new ObservingCsvFormatter(() => throw new IOException("source lost")), TemporaryDirectory = directory });

        await Assert.ThrowsAsync<IOException>(() => formatter.WriteAsync(AuditorPackages.Bundle("CompliancePack"), new MemoryStream(), CancellationToken.None));

        Assert.True(!Directory.Exists(directory) || Directory.GetFiles(directory).Length == 0);
    }

    [Fact]
    public async Task A_zip_for_a_stream_that_cannot_seek_is_written_front_to_back_with_the_same_bytes_and_leaves_no_file()
    {
        // 0.2 staged such a ZIP in a temporary file; entries are now compressed ahead and written in order, no seeking.
        var formatter = ExportFormatters.Zip(new ZipExportOptions { TemporaryDirectory = directory });
        var bundle = AuditorPackages.Bundle("CompliancePack").With(it => it.Format, ExportFormat.Zip);
        using var sink = new MemoryStream();
        using var seekable = new MemoryStream();

        using var writeOnly = new ForwardOnlyStream(sink);
        await formatter.WriteAsync(bundle, writeOnly, CancellationToken.None);
        await formatter.WriteAsync(bundle, seekable, CancellationToken.None);

        Assert.True(sink.Length > 0);
        Assert.Equal(seekable.ToArray(), sink.ToArray());
        Assert.True(!Directory.Exists(directory) || Directory.GetFiles(directory).Length == 0);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class ObservingCsvFormatter(Action observe, int padding = 0) : IExportFormatter
    {
        public ExportFormat Format => ExportFormat.Csv;

        public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
        {
            await destination.WriteAsync(new byte[padding], cancellationToken);
            observe();
            await destination.WriteAsync("id\r\n"u8.ToArray(), cancellationToken);
        }
    }
}

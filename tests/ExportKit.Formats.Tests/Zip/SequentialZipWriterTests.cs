using System.IO.Compression;
using System.Text;
using ExportKit.Formats.Zip;

namespace ExportKit.Formats.Tests.Zip;

/// <summary>
/// Entries compressed ahead, concurrently, and written front to back give the very bytes ZipArchive gives when the
/// same writes (and flushes) go through its entry streams one entry after another — at every compression level, for
/// empty, small, flushed and multi-megabyte entries.
/// </summary>
public sealed class SequentialZipWriterTests
{
    public static TheoryData<CompressionLevel> Levels => new() { CompressionLevel.NoCompression, CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize };

    private static readonly (string Name, Func<Stream, CancellationToken, Task> Write)[] Entries =
    [
        ("README.txt", (s, c) => s.WriteAsync("A readme.\n"u8.ToArray(), c).AsTask()),
        ("data/big.csv", WriteBigAsync),
        ("data/empty.json", (s, c) => Task.CompletedTask),
        ("data/flushed.html", WriteFlushedAsync),
        ("data/naïve.md", (s, c) => s.WriteAsync(Encoding.UTF8.GetBytes("# Ünïcödé\n"), c).AsTask()),
    ];

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task The_archive_is_byte_identical_to_ZipArchives(CompressionLevel level)
    {
        using var expected = new MemoryStream();
        await DeterministicZipArchive.WriteAsync(expected, level, null, async (zip, ct) =>
        {
            foreach (var (name, write) in Entries)
            {
                await zip.AddAsync(name, write, ct);
            }
        }, CancellationToken.None);

        var made = await PrecompressedEntry.CreateAllAsync(Entries, level, null, withSha256: true, passFlushes: true, CancellationToken.None);
        using var actual = new MemoryStream();
        try
        {
            await SequentialZipWriter.WriteAsync(actual, made, level, null, CancellationToken.None);
        }
        finally
        {
            foreach (var entry in made)
            {
                entry.Dispose();
            }
        }

        Assert.Equal(expected.ToArray(), actual.ToArray());
        using var reread = new ZipArchive(new MemoryStream(actual.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(Entries.Select(e => e.Name), reread.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task A_failing_entry_fails_the_archive_with_its_own_exception_and_leaves_no_file()
    {
        var directory = Directory.CreateTempSubdirectory("exportkit-zip-").FullName;
        try
        {
            (string, Func<Stream, CancellationToken, Task>)[] entries = [("a.txt", WriteBigAsync), ("b.txt", (s, c) => throw new IOException("source lost"))];

            var ex = await Assert.ThrowsAsync<IOException>(() => PrecompressedEntry.CreateAllAsync(entries, CompressionLevel.Optimal, directory, withSha256: false, passFlushes: true, CancellationToken.None));

            Assert.Equal("source lost", ex.Message);
            Assert.Empty(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Over the 4 MiB an entry keeps in memory when stored: the rest goes through the temporary file.
    private static async Task WriteBigAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = Encoding.ASCII.GetBytes("row,with,some,fields,and,a,counter,");
        for (var i = 0; i < 150_000; i++)
        {
            await stream.WriteAsync(line, cancellationToken);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
        }
    }

    private static async Task WriteFlushedAsync(Stream stream, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 5; i++)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"<p>part {i}</p>\n"), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
    }
}

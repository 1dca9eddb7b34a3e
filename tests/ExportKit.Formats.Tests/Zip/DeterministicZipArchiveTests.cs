using System.IO.Compression;
using System.Text;
using ExportKit.Formats.Zip;

namespace ExportKit.Formats.Tests.Zip;

public sealed class DeterministicZipArchiveTests
{
    [Theory]
    [InlineData(CompressionLevel.NoCompression)]
    [InlineData(CompressionLevel.Optimal)]
    public async Task Seekable_and_forward_only_streams_get_the_same_bytes(CompressionLevel level)
    {
        using var seekable = new MemoryStream();
        await WriteSampleAsync(seekable, level);
        using var forwardOnly = new ForwardOnlyStream();
        await WriteSampleAsync(forwardOnly, level);

        Assert.Equal(seekable.ToArray(), ((MemoryStream)forwardOnly.Inner).ToArray());
    }

    [Fact]
    public async Task Entries_have_fixed_time_and_attributes_and_read_back()
    {
        using var stream = new MemoryStream();
        await WriteSampleAsync(stream, CompressionLevel.NoCompression);

        using var zip = new ZipArchive(new MemoryStream(stream.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(["a.txt", "b/c.txt"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.All(zip.Entries, e => Assert.Equal(unchecked((int)0x81A40000), e.ExternalAttributes));
        using var reader = new StreamReader(zip.GetEntry("b/c.txt")!.Open());
        Assert.Equal("second", await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../evil.txt")]
    [InlineData("C:\\evil.txt")]
    [InlineData("a//b.txt")]
    [InlineData("./a.txt")]
    public async Task Names_that_could_leave_the_archive_are_refused(string name)
    {
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DeterministicZipArchive.WriteAsync(
            stream, CompressionLevel.NoCompression, null, (zip, ct) => zip.AddAsync(name, (_, _) => Task.CompletedTask, ct), CancellationToken.None));
        Assert.Contains("not a safe ZIP entry name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_out_of_ordinal_order_are_refused()
    {
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DeterministicZipArchive.WriteAsync(stream, CompressionLevel.NoCompression, null, async (zip, ct) =>
        {
            await zip.AddAsync("b.txt", (_, _) => Task.CompletedTask, ct);
            await zip.AddAsync("a.txt", (_, _) => Task.CompletedTask, ct);
        }, CancellationToken.None));
        Assert.Contains("ordinal name order", error.Message, StringComparison.Ordinal);
    }

    private static Task WriteSampleAsync(Stream destination, CompressionLevel level) =>
        DeterministicZipArchive.WriteAsync(destination, level, null, async (zip, ct) =>
        {
            await zip.AddAsync("a.txt", (s, c) => s.WriteAsync(Encoding.UTF8.GetBytes("first"), c).AsTask(), ct);
            await zip.AddAsync("b/c.txt", (s, c) => s.WriteAsync(Encoding.UTF8.GetBytes("second"), c).AsTask(), ct);
        }, CancellationToken.None);
}

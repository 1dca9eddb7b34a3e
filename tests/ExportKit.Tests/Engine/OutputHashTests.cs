using System.Security.Cryptography;

namespace ExportKit.Tests.Engine;

/// <summary>
/// The output's SHA-256 and size are taken while the formatter writes (no read-back), after bytes already in the
/// stream, in every format; a formatter that goes back over what it wrote still gets the hash of the final bytes.
/// </summary>
public sealed class OutputHashTests
{
    public static TheoryData<string> Formats => new() { "json", "csv", "html", "markdown", "zip", "auditor-package" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_hash_and_size_are_of_the_bytes_written_after_what_the_stream_held(string format)
    {
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        var engine = new TestEngine();
        using var stream = new MemoryStream();
        stream.Write("existing bytes"u8);

        var result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack, exportFormat), TestEngine.Admin(), stream);

        Assert.True(result.Succeeded, result.ErrorMessage);
        var written = stream.ToArray()[14..];
        Assert.Equal(written.Length, result.SizeBytes);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(written)).ToLowerInvariant(), result.Sha256);
    }

    [Fact]
    public async Task A_formatter_that_patches_what_it_wrote_gets_the_hash_of_the_final_bytes()
    {
        var engine = new TestEngine(configure: builder => builder.AddFormatter(new PatchingFormatter()));
        using var stream = new MemoryStream();

        var result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), stream);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal("{\"patched\":true}"u8.ToArray(), stream.ToArray());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(stream.ToArray())).ToLowerInvariant(), result.Sha256);
        Assert.Equal(stream.Length, result.SizeBytes);
    }

    // Writes a placeholder, seeks back over it and writes the real value, as ZipArchive does with a local header.
    private sealed class PatchingFormatter : IExportFormatter
    {
        public ExportFormat Format => ExportFormat.Json;

        public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
        {
            var start = destination.Position;
            await destination.WriteAsync("{\"patched\":null}"u8.ToArray(), cancellationToken);
            destination.Position = start + 11;
            await destination.WriteAsync("true}"u8.ToArray(), cancellationToken);
        }
    }
}

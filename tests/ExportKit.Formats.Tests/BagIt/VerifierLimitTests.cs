using System.IO.Compression;
using System.IO.Hashing;
using ExportKit.Formats.BagIt;

namespace ExportKit.Formats.Tests.BagIt;

/// <summary>Issue 8: a small ZIP whose manifest is one 200 MB line must be invalid in bounded memory, never out of memory.</summary>
[Collection(AllocationMeasuring.Name)]
public sealed class VerifierLimitTests
{
    private const int LineBytes = 200 * 1024 * 1024;
    private const long AllowedAllocation = 64L * 1024 * 1024;

    [Fact]
    public async Task A_manifest_of_one_200_MB_line_exceeds_the_tag_file_limit_without_being_read()
    {
        var zip = OneLineManifestBag();

        var (report, allocated) = await MeasureAsync(() => BagItVerifier.VerifyZipAsync(new MemoryStream(zip)));

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.LimitExceeded && p.Path == "manifest-sha256.txt" && p.Message.Contains("MaxTagFileBytes", StringComparison.Ordinal));
        Assert.True(allocated < AllowedAllocation, $"verifying allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task A_manifest_of_one_200_MB_line_under_a_raised_file_limit_stops_at_the_line_limit()
    {
        var zip = OneLineManifestBag();
        var options = new BagVerificationOptions { MaxTagFileBytes = 1L << 30 };

        var (report, allocated) = await MeasureAsync(() => BagItVerifier.VerifyZipAsync(new MemoryStream(zip), options));

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.LimitExceeded && p.Path == "manifest-sha256.txt" && p.Message.Contains("MaxLineLength (65536 bytes)", StringComparison.Ordinal));
        Assert.True(allocated < AllowedAllocation, $"verifying allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData(0, 1, 1, "MaxLineLength")]
    [InlineData(1, 0, 1, "MaxTagFileBytes")]
    [InlineData(1, 1, -1, "MaxPayloadFileBytes")]
    public async Task Out_of_range_limits_are_refused_with_the_limit_named(int line, long tag, long payload, string named)
    {
        var options = new BagVerificationOptions { MaxLineLength = line, MaxTagFileBytes = tag, MaxPayloadFileBytes = payload };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BagItVerifier.VerifyZipAsync(new MemoryStream(), options));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static async Task<(BagVerificationReport Report, long Allocated)> MeasureAsync(Func<Task<BagVerificationReport>> verify)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var report = await verify();
        return (report, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static byte[] OneLineManifestBag()
    {
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');
        var crc = new Crc32();
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var i = 0; i < LineBytes / chunk.Length; i++)
            {
                deflate.Write(chunk);
                crc.Append(chunk);
            }
        }

        var entries = HostileBags.ZipEntries().Where(e => e.Name != "manifest-sha256.txt").ToList();
        entries.Add(new RawZipEntry { Name = "manifest-sha256.txt", Compressed = compressed.ToArray(), Crc = crc.GetCurrentHashAsUInt32(), DeclaredSize = LineBytes });
        return RawZip.Build(entries);
    }
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>
/// ExportKit's auditor package (a BagIt bag: each section as JSON and CSV, metadata, README, index page, SHA-256
/// manifests) beside <c>ZipArchive</c> at the same level holding the raw writers' JSON and CSV with a SHA-256 manifest.
/// </summary>
public class AuditorPackageFormatBenchmarks : SizedBenchmark
{
    private readonly MemoryStream buffer = new();

    protected override ExportFormat Format => ExportFormat.AuditorPackage;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.AuditorPackage(new AuditorPackageOptions { CompressionLevel = CompressionLevel.Optimal });

    [Benchmark(Baseline = true, Description = "ZipArchive")]
    public async Task Raw()
    {
        buffer.SetLength(0);
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);
        var manifest = new StringBuilder();
        await AddAsync(zip, manifest, "bag/data/alert-logs/alert-logs.csv", s => RawWriters.CsvAsync(s, Items));
        await AddAsync(zip, manifest, "bag/data/alert-logs/alert-logs.json", s => RawWriters.JsonAsync(s, Items));
        await using var entry = zip.CreateEntry("bag/manifest-sha256.txt", CompressionLevel.Optimal).Open();
        await entry.WriteAsync(Encoding.UTF8.GetBytes(manifest.ToString()));
    }

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync(buffer);

    private static async Task AddAsync(ZipArchive zip, StringBuilder manifest, string name, Func<Stream, Task> write)
    {
        // Hashing while writing, as a careful hand-written packager would.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
        await using (var hashing = new Sha256Tee(entry, sha))
        {
            await write(hashing);
        }

        manifest.Append(Convert.ToHexStringLower(sha.GetHashAndReset())).Append("  ").Append(name).Append('\n');
    }
}

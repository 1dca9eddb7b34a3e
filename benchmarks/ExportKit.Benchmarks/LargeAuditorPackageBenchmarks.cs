using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>
/// A 100 MB auditor package: 112,000 items (about 893 bytes of JSON and CSV each, measured: 100.0 MB) written as JSON and CSV into a stored (uncompressed) bag, so the
/// package's size is its payload's, streamed to a forward-only stream. One cold run per iteration.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LargeAuditorPackageBenchmarks
{
    private const int Items = 112_000;
    private readonly IExportFormatter formatter = ExportFormatters.AuditorPackage(new AuditorPackageOptions { CompressionLevel = CompressionLevel.NoCompression });

    [Benchmark]
    public async Task<long> Export()
    {
        using var counter = new CountingStream();
        await formatter.WriteAsync(BenchmarkData.Bundle(new LargeExportBenchmarks.GeneratedItems(Items), Items, ExportFormat.AuditorPackage), counter, CancellationToken.None);
        return counter.Length;
    }
}

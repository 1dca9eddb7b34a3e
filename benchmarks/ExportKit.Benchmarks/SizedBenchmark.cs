using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>
/// A format benchmark at the seed's output sizes (10 KB, 100 KB, 1 MB): the item count is chosen in setup so that
/// ExportKit's output is about that size, and the raw baseline writes the same items.
/// </summary>
[MemoryDiagnoser]
public abstract class SizedBenchmark
{
    [Params("10KB", "100KB", "1MB")]
    public string Size { get; set; } = "10KB";

    protected ExportItem[] Items { get; private set; } = [];

    protected ExportBundle Bundle { get; private set; } = null!;

    protected abstract ExportFormat Format { get; }

    protected abstract IExportFormatter Formatter { get; }

    [GlobalSetup]
    public void Setup()
    {
        var target = Size switch { "10KB" => 10_000, "100KB" => 100_000, _ => 1_000_000 };
        var probe = BenchmarkData.Items(100);
        using var counter = new CountingStream();
        Formatter.WriteAsync(BenchmarkData.Bundle(probe, Format), counter, CancellationToken.None).GetAwaiter().GetResult();
        var count = Math.Max(1, (int)(target * 100L / counter.Length));
        Items = BenchmarkData.Items(count);
        Bundle = BenchmarkData.Bundle(Items, Format);
    }

    protected Task ExportKitAsync() => Formatter.WriteAsync(Bundle, Stream.Null, CancellationToken.None);
}

using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>ExportKit's CSV formatter beside CsvHelper writing the same six columns by hand.</summary>
public class CsvFormatBenchmarks : SizedBenchmark
{
    protected override ExportFormat Format => ExportFormat.Csv;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.Csv();

    [Benchmark(Baseline = true, Description = "CsvHelper")]
    public Task Raw() => RawWriters.CsvAsync(Stream.Null, Items);

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync();
}

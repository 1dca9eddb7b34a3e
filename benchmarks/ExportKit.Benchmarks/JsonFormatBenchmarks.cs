using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>ExportKit's JSON formatter beside <c>Utf8JsonWriter</c> writing the same items by hand.</summary>
public class JsonFormatBenchmarks : SizedBenchmark
{
    protected override ExportFormat Format => ExportFormat.Json;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.Json();

    [Benchmark(Baseline = true, Description = "Utf8JsonWriter")]
    public Task Raw() => RawWriters.JsonAsync(Stream.Null, Items);

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync();
}

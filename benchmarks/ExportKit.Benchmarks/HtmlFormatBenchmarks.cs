using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>ExportKit's HTML formatter (a Scriban page, rows streamed by hand) beside a hand-written <c>StreamWriter</c> table.</summary>
public class HtmlFormatBenchmarks : SizedBenchmark
{
    protected override ExportFormat Format => ExportFormat.Html;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.Html();

    [Benchmark(Baseline = true, Description = "StreamWriter")]
    public Task Raw() => RawWriters.HtmlAsync(Stream.Null, Items);

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync();
}

using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>
/// 10,000 and 1,000,000 items streamed to a null stream. The items cycle through 10,000 pre-built ones, so that what
/// is allocated is the formatter's alone: it must not grow with the item count.
/// </summary>
[MemoryDiagnoser]
public class LargeExportBenchmarks
{
    private IExportFormatter formatter = null!;

    [Params(10_000, 1_000_000)]
    public int Items { get; set; }

    [Params("json", "csv", "html", "markdown")]
    public string Format { get; set; } = "json";

    [GlobalSetup]
    public void Setup() => formatter = Format switch
    {
        "csv" => ExportFormatters.Csv(),
        "html" => ExportFormatters.Html(),
        "markdown" => ExportFormatters.Markdown(),
        _ => ExportFormatters.Json(),
    };

    [Benchmark]
    public Task Export()
    {
        ExportFormat.TryGetBuiltIn(Format, out var format);
        return formatter.WriteAsync(BenchmarkData.Bundle(new GeneratedItems(Items), Items, format!), Stream.Null, CancellationToken.None);
    }

    /// <summary>Yields <c>count</c> items from a fixed pool: nothing holds the export, and nothing is allocated per item.</summary>
    internal sealed class GeneratedItems(int count) : IAsyncEnumerable<ExportItem>
    {
        private static readonly ExportItem[] Pool = BenchmarkData.Items(10_000);

        public async IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            for (var i = 0; i < count; i++)
            {
                yield return Pool[i % Pool.Length];
            }
        }
    }
}

using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>
/// 10,000 and 1,000,000 generated items streamed to a null stream: the allocated bytes must not grow with the count
/// beyond the items themselves, which are generated per enumeration and counted in both runs alike.
/// </summary>
[MemoryDiagnoser]
public class LargeExportBenchmarks
{
    private IExportFormatter formatter = null!;

    [Params(10_000, 1_000_000)]
    public int Items { get; set; }

    [Params("json", "csv")]
    public string Format { get; set; } = "json";

    [GlobalSetup]
    public void Setup() => formatter = Format switch
    {
        "csv" => ExportFormatters.Csv(),
        _ => ExportFormatters.Json(),
    };

    [Benchmark]
    public Task Export()
    {
        ExportFormat.TryGetBuiltIn(Format, out var format);
        return formatter.WriteAsync(BenchmarkData.Bundle(new GeneratedItems(Items), Items, format!), Stream.Null, CancellationToken.None);
    }

    /// <summary>Makes each item as it is asked for, so nothing holds the export.</summary>
    private sealed class GeneratedItems(int count) : IAsyncEnumerable<ExportItem>
    {
        public async IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            for (var i = 0; i < count; i++)
            {
                yield return BenchmarkData.Items(1)[0] is var template ? new ExportItem($"al-{i:D7}", template.ItemType, template.Timestamp.AddSeconds(i), template.Data) : null!;
            }
        }
    }
}

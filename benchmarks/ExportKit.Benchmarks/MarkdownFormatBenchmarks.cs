using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>
/// ExportKit's Markdown formatter beside a hand-written <c>StreamWriter</c>. Markdown shows 10 items a section, so the
/// size grows with the number of sections, each holding the same 10 items.
/// </summary>
public class MarkdownFormatBenchmarks : SizedBenchmark
{
    protected override ExportFormat Format => ExportFormat.Markdown;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.Markdown();

    [Benchmark(Baseline = true, Description = "StreamWriter")]
    public Task Raw() => RawWriters.MarkdownAsync(Stream.Null, Items, Units);

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync();

    protected override ExportBundle CreateBundle(int units)
    {
        var items = BenchmarkData.Items(10);
        SetItems(items);
        var single = BenchmarkData.Bundle(items, Format);
        var section = single.Sections[0];
        return BenchmarkData.Bundle(
            Enumerable.Range(0, units).Select(i => new ExportSection($"section-{i}", section.Title, section.Description, section.DataSource, section.Summary, items.Length, section.GeneratedAt, new BenchmarkData.ArraySequence(items))).ToArray(),
            Format);
    }
}

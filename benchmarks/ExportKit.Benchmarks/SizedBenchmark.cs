using BenchmarkDotNet.Attributes;

namespace ExportKit.Benchmarks;

/// <summary>
/// A format benchmark at the seed's output sizes (10 KB, 100 KB, 1 MB): in setup, the number of units (items, or
/// sections for Markdown, which shows 10 items a section) is chosen so that ExportKit's output is about that size;
/// the raw baseline writes the same data.
/// </summary>
[MemoryDiagnoser]
public abstract class SizedBenchmark
{
    [Params("10KB", "100KB", "1MB")]
    public string Size { get; set; } = "10KB";

    protected IReadOnlyList<ExportItem> Items { get; private set; } = [];

    protected int Units { get; private set; }

    protected ExportBundle Bundle { get; private set; } = null!;

    protected abstract ExportFormat Format { get; }

    protected abstract IExportFormatter Formatter { get; }

    [GlobalSetup]
    public async Task Setup()
    {
        var target = Size switch { "10KB" => 10_000, "100KB" => 100_000, _ => 1_000_000 };
        await using var counter = new CountingStream();
        await Formatter.WriteAsync(CreateBundle(100), counter, CancellationToken.None);
        Units = Math.Max(1, (int)(target * 100L / counter.Length));
        Bundle = CreateBundle(Units);
    }

    /// <summary>Makes the bundle of <paramref name="units"/> units and sets <see cref="Items"/> to the items it holds.</summary>
    protected virtual ExportBundle CreateBundle(int units)
    {
        var items = BenchmarkData.Items(units);
        Items = items;
        return BenchmarkData.Bundle(items, Format);
    }

    protected void SetItems(ExportItem[] items) => Items = items;

    protected Task ExportKitAsync() => Formatter.WriteAsync(Bundle, Stream.Null, CancellationToken.None);

    /// <summary>For ZIP formats: both sides write to the same kind of seekable stream, reused between operations.</summary>
    protected Task ExportKitAsync(MemoryStream seekable)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        seekable.SetLength(0);
        return Formatter.WriteAsync(Bundle, seekable, CancellationToken.None);
    }
}

using BenchmarkDotNet.Attributes;
using ExportKit.Audit;

namespace ExportKit.Benchmarks.EndToEnd;

/// <summary>
/// The fixed cost of an export: one item as JSON to a null stream, through the engine (policy, assembly, log,
/// registry, audit trail, all in memory) beside the hand-written exporter of the same item. <c>Registry</c> picks the
/// built-in in-memory registry (whose lookup scans every earlier export, so it grows over a run) or a keyed one.
/// </summary>
[MemoryDiagnoser]
public class TinyExportBenchmarks
{
    private static readonly ExportPrincipal Admin = new("lee", "acme", ["admin"], ["export:bundle-formats"]);

    private CountingSource source = null!;
    private IExportEngine engine = null!;

    [Params("built-in", "keyed")]
    public string Registry { get; set; } = "keyed";

    [GlobalSetup]
    public void Setup()
    {
        source = CountingSource.Alerts(1);
        var builder = new ExportEngineBuilder()
            .UseTimeProvider(new EndToEndBenchmarks.FixedClock())
            .UseLogStore(new InMemoryExportLogStore())
            .AddDataSource(source);
        if (Registry == "keyed")
        {
            builder.UseRegistry(new KeyedRegistry());
        }

        engine = builder.Build();
    }

    [Benchmark(Baseline = true)]
    public Task HandWritten() => HandWrittenExporter.ExportAsync("json", source, Stream.Null);

    [Benchmark]
    public async Task<long> ExportKit()
    {
        var result = await engine.Export(ExportCategory.AlertLogs).ForTenant("acme").By(Admin).WriteToAsync(Stream.Null);
        return result.Succeeded ? result.SizeBytes : throw new InvalidOperationException(result.ErrorMessage);
    }
}

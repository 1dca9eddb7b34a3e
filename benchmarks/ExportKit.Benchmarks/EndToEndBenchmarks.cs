using BenchmarkDotNet.Attributes;
using ExportKit.Audit;
using ExportKit.Assembly;

namespace ExportKit.Benchmarks;

/// <summary>
/// Policy, assembly, JSON and logging through the engine, at the seed's item counts per category (compliance pack
/// 100 items, executive summary 50, operational snapshot 150, single source 50, full operational 500).
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private static readonly ExportPrincipal Admin = new("lee", "acme", ["admin"], ["export:bundle-formats"]);

    private IExportEngine engine = null!;

    [Params("compliance-pack", "executive-summary", "operational-snapshot", "alert-logs", "full-operational")]
    public string Category { get; set; } = "alert-logs";

    [GlobalSetup]
    public void Setup()
    {
        // Items per phase so that each category holds the seed's count.
        var perPhase = Category switch
        {
            "compliance-pack" => 25, // 25 findings + 25 drifts + 50 SLA records
            "executive-summary" => 25,
            "operational-snapshot" => 38,
            "alert-logs" => 50,
            _ => 50,
        };
        var builder = new ExportEngineBuilder().UseTimeProvider(new FixedClock()).UseLogStore(new InMemoryExportLogStore());
        foreach (var source in BenchmarkData.Sources(perPhase))
        {
            builder.AddDataSource(source);
        }

        engine = builder.Build();
    }

    [Benchmark]
    public async Task<long> Export()
    {
        var result = await engine.Export(new ExportCategory(Category)).ForTenant("acme").By(Admin).WriteToAsync(Stream.Null);
        return result.Succeeded ? result.SizeBytes : throw new InvalidOperationException(result.ErrorMessage);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => BenchmarkData.Now;
    }
}

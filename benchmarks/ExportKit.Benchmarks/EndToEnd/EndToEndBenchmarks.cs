using BenchmarkDotNet.Attributes;
using ExportKit.Audit;

namespace ExportKit.Benchmarks.EndToEnd;

/// <summary>
/// The engine end to end — policy, one read of the source, assembly, the formatter, the output's SHA-256, the log,
/// registry and audit trail (in memory) — beside a hand-written single-pass exporter over the same source
/// (<c>Baseline = true</c>), both writing to the same reused seekable stream. Source passes per export are printed
/// in the setup line ("// passes: ...") of each case.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private static readonly ExportPrincipal Admin = new("lee", "acme", ["admin"], ["export:bundle-formats"]);

    private CountingSource source = null!;
    private IExportEngine engine = null!;
    private ExportFormat format = null!;
    private MemoryStream destination = null!;

    [Params(10_000, 200_000)]
    public int Items { get; set; } = 10_000;

    [Params("json", "csv", "html", "markdown", "zip", "auditor-package")]
    public string Format { get; set; } = "json";

    [GlobalSetup]
    public async Task Setup()
    {
        source = CountingSource.Alerts(Items);
        engine = new ExportEngineBuilder()
            .UseTimeProvider(new FixedClock())
            .UseLogStore(new InMemoryExportLogStore())
            .AddDataSource(source)
            .Build();
        ExportFormat.TryGetBuiltIn(Format, out var builtIn);
        format = builtIn ?? throw new InvalidOperationException($"Unknown format '{Format}'.");
        destination = new MemoryStream();

        source.Reset();
        await HandWritten();
        var handWritten = source.Passes;
        source.Reset();
        await ExportKit();
        Console.WriteLine($"// passes: ExportKit {source.Passes}, hand-written {handWritten} ({Format}, {Items} items)");
    }

    [Benchmark(Baseline = true)]
    public async Task<long> HandWritten()
    {
        destination.SetLength(0);
        await HandWrittenExporter.ExportAsync(Format, source, destination);
        return destination.Length;
    }

    [Benchmark]
    public async Task<long> ExportKit()
    {
        destination.SetLength(0);
        var result = await engine.Export(ExportCategory.AlertLogs).As(format).ForTenant("acme").By(Admin).WriteToAsync(destination);
        return result.Succeeded ? result.SizeBytes : throw new InvalidOperationException(result.ErrorMessage);
    }

    internal sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => BenchmarkData.Now;
    }
}

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

    /// <summary>
    /// The hand-written exporter that also computes its file's SHA-256 while writing, as ExportKit does: what is left
    /// between this and ExportKit is the engine's own work (the item model, the content hash, policy, bookkeeping).
    /// </summary>
    [Benchmark]
    public async Task<long> HandWrittenWithSha256()
    {
        destination.SetLength(0);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        await using var tee = new Sha256Tee(destination, hash);
        await HandWrittenExporter.ExportAsync(Format, source, tee);
        _ = hash.GetHashAndReset();
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

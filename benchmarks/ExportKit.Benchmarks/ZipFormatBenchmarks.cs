using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>ExportKit's ZIP (JSON, CSV, HTML and a README, deterministic) beside <c>ZipArchive</c> at the same level holding the raw writers' JSON, CSV and HTML.</summary>
public class ZipFormatBenchmarks : SizedBenchmark
{
    protected override ExportFormat Format => ExportFormat.Zip;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.Zip(new ZipExportOptions { CompressionLevel = CompressionLevel.Optimal });

    private readonly MemoryStream buffer = new();

    [Benchmark(Baseline = true, Description = "ZipArchive")]
    public async Task Raw()
    {
        // A seekable stream, as ExportKit's writer is given: no data descriptors.
        buffer.SetLength(0);
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);
        await WriteEntryAsync(zip, "bundle.csv", s => RawWriters.CsvAsync(s, Items));
        await WriteEntryAsync(zip, "bundle.html", s => RawWriters.HtmlAsync(s, Items));
        await WriteEntryAsync(zip, "bundle.json", s => RawWriters.JsonAsync(s, Items));
    }

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync(buffer);

    private static async Task WriteEntryAsync(ZipArchive zip, string name, Func<Stream, Task> write)
    {
        await using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await write(entry);
    }
}

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>ExportKit's CSV formatter beside CsvHelper writing the same six columns by hand.</summary>
public class CsvFormatBenchmarks : SizedBenchmark
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture };

    protected override ExportFormat Format => ExportFormat.Csv;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.Csv();

    [Benchmark(Baseline = true, Description = "CsvHelper")]
    public async Task Raw()
    {
        await using var csv = CsvWriter.Create(Stream.Null, Options, leaveOpen: true);
        foreach (var name in (string[])["Section", "Item ID", "Item Type", "Timestamp", "Data Source", "Details"])
        {
            csv.WriteField(name.AsSpan());
        }

        await csv.EndRecordAsync();
        var details = new StringBuilder();
        foreach (var item in Items)
        {
            details.Clear();
            foreach (var field in item.Data)
            {
                details.Append(field.Name).Append('=').Append(ExportValues.ToInvariantString(field.Value)).Append("; ");
            }

            csv.WriteField("Alert Logs".AsSpan());
            csv.WriteField(item.ItemId.AsSpan());
            csv.WriteField(item.ItemType.AsSpan());
            csv.WriteField(ExportValues.FormatInstant(item.Timestamp).AsSpan());
            csv.WriteField("Phase 52: Alert & Notification Engine".AsSpan());
            csv.WriteField(details.ToString().AsSpan());
            await csv.EndRecordAsync();
        }

        await csv.FlushAsync();
    }

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync();
}

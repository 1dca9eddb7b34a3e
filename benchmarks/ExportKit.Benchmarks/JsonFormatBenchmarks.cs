using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ExportKit.Formats;

namespace ExportKit.Benchmarks;

/// <summary>ExportKit's JSON formatter beside <see cref="Utf8JsonWriter"/> writing the same items by hand.</summary>
public class JsonFormatBenchmarks : SizedBenchmark
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    protected override ExportFormat Format => ExportFormat.Json;

    protected override IExportFormatter Formatter { get; } = ExportFormatters.Json();

    [Benchmark(Baseline = true, Description = "Utf8JsonWriter")]
    public async Task Raw()
    {
        await using var writer = new Utf8JsonWriter(Stream.Null, Options);
        writer.WriteStartObject();
        writer.WriteString("bundleId", Bundle.BundleId);
        writer.WriteStartArray("items");
        foreach (var item in Items)
        {
            writer.WriteStartObject();
            writer.WriteString("itemId", item.ItemId);
            writer.WriteString("itemType", item.ItemType);
            writer.WriteString("timestamp", item.Timestamp.UtcDateTime);
            writer.WriteStartObject("data");
            foreach (var field in item.Data)
            {
                switch (field.Value)
                {
                    case null: writer.WriteNull(field.Name); break;
                    case string s: writer.WriteString(field.Name, s); break;
                    case DateTimeOffset t: writer.WriteString(field.Name, t.UtcDateTime); break;
                    case double d: writer.WriteNumber(field.Name, d); break;
                    default: writer.WriteString(field.Name, field.Value.ToString()); break;
                }
            }

            writer.WriteEndObject();
            writer.WriteStartArray("references");
            writer.WriteEndArray();
            writer.WriteEndObject();
            if (writer.BytesPending > 16 * 1024)
            {
                await writer.FlushAsync();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    [Benchmark(Description = "ExportKit")]
    public Task ExportKit() => ExportKitAsync();
}

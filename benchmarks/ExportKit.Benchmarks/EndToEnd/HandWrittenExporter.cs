using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace ExportKit.Benchmarks.EndToEnd;

/// <summary>
/// The baseline: what a competent developer would write by hand for one alert export — one read of the source,
/// the raw writers (Utf8JsonWriter, CsvHelper, a StreamWriter, ZipArchive), the same shape of output, no policy,
/// no bookkeeping. For the archives it reads the source once into a list and writes the entries one after another.
/// </summary>
internal static class HandWrittenExporter
{
    private const string DataSource = "Phase 52: Alert & Notification Engine";
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.Default };
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task ExportAsync(string format, CountingSource source, Stream destination)
    {
        switch (format)
        {
            case "json": await JsonAsync(source.ReadAlertsAsync(default), destination); break;
            case "csv": await CsvAsync(source.ReadAlertsAsync(default), destination); break;
            case "html": await HtmlAsync(source.ReadAlertsAsync(default), destination); break;
            case "markdown": await MarkdownAsync(source.ReadAlertsAsync(default), destination); break;
            case "zip": await ZipAsync(source, destination, ["alerts.csv", "alerts.html", "alerts.json", "README.txt"]); break;
            default: await ZipAsync(source, destination, ["bag-info.txt", "bagit.txt", "data/alert-logs/alert-logs.csv", "data/alert-logs/alert-logs.json", "manifest-sha256.txt"]); break;
        }
    }

    private static async Task JsonAsync(IAsyncEnumerable<Alert> alerts, Stream destination)
    {
        await using var writer = new Utf8JsonWriter(destination, JsonOptions);
        writer.WriteStartObject();
        writer.WriteString("title", "Alert Logs");
        writer.WriteStartArray("items");
        long count = 0;
        await foreach (var a in alerts)
        {
            count++;
            writer.WriteStartObject();
            writer.WriteString("itemId", a.AlertId);
            writer.WriteString("itemType", "alert");
            writer.WriteString("timestamp", a.CreatedAt.UtcDateTime);
            writer.WriteStartObject("data");
            writer.WriteString("alertId", a.AlertId);
            writer.WriteString("severity", a.Severity);
            writer.WriteString("category", a.Category);
            writer.WriteString("status", a.Status);
            writer.WriteString("createdAt", a.CreatedAt.UtcDateTime);
            WriteInstant(writer, "resolvedAt", a.ResolvedAt);
            WriteInstant(writer, "slaDeadline", a.SlaDeadline);
            writer.WriteString("tenantId", a.TenantId);
            writer.WriteString("facilityId", a.FacilityId);
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
        writer.WriteNumber("totalItems", count);
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    private static async Task CsvAsync(IAsyncEnumerable<Alert> alerts, Stream destination)
    {
        await using var csv = CsvWriter.Create(destination, CsvOptions, leaveOpen: true);
        foreach (var name in (string[])["Section", "Item ID", "Item Type", "Timestamp", "Data Source", "Details"])
        {
            csv.WriteField(name.AsSpan());
        }

        await csv.EndRecordAsync();
        var details = new StringBuilder();
        await foreach (var a in alerts)
        {
            details.Clear();
            Details(details, a, "; ");
            csv.WriteField("Alert Logs".AsSpan());
            csv.WriteField(a.AlertId.AsSpan());
            csv.WriteField("alert".AsSpan());
            csv.WriteField(Instant(a.CreatedAt).AsSpan());
            csv.WriteField(DataSource.AsSpan());
            csv.WriteField(details.ToString().AsSpan());
            await csv.EndRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static async Task HtmlAsync(IAsyncEnumerable<Alert> alerts, Stream destination)
    {
        await using var writer = new StreamWriter(destination, Utf8, 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Alert Logs</title></head>\n<body>\n<table>\n<thead><tr><th>Item ID</th><th>Type</th><th>Timestamp</th><th>Details</th></tr></thead>\n<tbody>\n");
        var details = new StringBuilder();
        await foreach (var a in alerts)
        {
            details.Clear();
            Details(details, a, "; ");
            writer.Write("<tr><td>");
            writer.Write(WebUtility.HtmlEncode(a.AlertId));
            writer.Write("</td><td>alert</td><td>");
            writer.Write(Instant(a.CreatedAt));
            writer.Write("</td><td>");
            writer.Write(WebUtility.HtmlEncode(details.ToString()));
            writer.Write("</td></tr>\n");
        }

        await writer.WriteAsync("</tbody>\n</table>\n</body>\n</html>\n");
        await writer.FlushAsync();
    }

    // Like ExportKit's Markdown, shows the first 10 items and counts the rest.
    private static async Task MarkdownAsync(IAsyncEnumerable<Alert> alerts, Stream destination)
    {
        await using var writer = new StreamWriter(destination, Utf8, 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("# Alert Logs\n\n## Alert Logs\n\n");
        long count = 0;
        var details = new StringBuilder();
        await foreach (var a in alerts)
        {
            if (++count <= 10)
            {
                details.Clear();
                Details(details, a, "\n- ");
                writer.Write("### ");
                writer.Write(a.AlertId);
                writer.Write("\n\n- ");
                writer.Write(details.ToString());
                writer.Write("\n\n");
            }
        }

        writer.Write(string.Create(CultureInfo.InvariantCulture, $"*{count - Math.Min(count, 10)} more items.*\n"));
        await writer.FlushAsync();
    }

    private static async Task ZipAsync(CountingSource source, Stream destination, string[] entries)
    {
        var alerts = new List<Alert>();
        await foreach (var a in source.ReadAlertsAsync(default))
        {
            alerts.Add(a);
        }

        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in entries)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            await using var stream = entry.Open();
            var items = Replay(alerts);
            switch (Path.GetExtension(name))
            {
                case ".json": await JsonAsync(items, stream); break;
                case ".csv": await CsvAsync(items, stream); break;
                case ".html": await HtmlAsync(items, stream); break;
                default: await stream.WriteAsync(Encoding.UTF8.GetBytes("alert-logs " + alerts.Count + "\n")); break;
            }
        }
    }

    private static async IAsyncEnumerable<Alert> Replay(List<Alert> alerts)
    {
        await Task.CompletedTask;
        foreach (var a in alerts)
        {
            yield return a;
        }
    }

    private static void Details(StringBuilder details, Alert a, string separator)
    {
        details.Append("alertId=").Append(a.AlertId).Append(separator)
            .Append("severity=").Append(a.Severity).Append(separator)
            .Append("category=").Append(a.Category).Append(separator)
            .Append("status=").Append(a.Status).Append(separator)
            .Append("createdAt=").Append(Instant(a.CreatedAt)).Append(separator)
            .Append("resolvedAt=").Append(a.ResolvedAt is { } r ? Instant(r) : string.Empty).Append(separator)
            .Append("slaDeadline=").Append(a.SlaDeadline is { } s ? Instant(s) : string.Empty).Append(separator)
            .Append("tenantId=").Append(a.TenantId).Append(separator)
            .Append("facilityId=").Append(a.FacilityId);
    }

    private static void WriteInstant(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, v.UtcDateTime);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace ExportKit.Benchmarks;

/// <summary>
/// The baselines: the same items written with the raw building blocks alone — what a developer would write by hand
/// for one export, with no policy, no streaming contract and no customisable template.
/// </summary>
internal static class RawWriters
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n" };
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task JsonAsync(Stream destination, IReadOnlyList<ExportItem> items)
    {
        await using var writer = new Utf8JsonWriter(destination, JsonOptions);
        writer.WriteStartObject();
        writer.WriteString("title", "Alert Logs");
        writer.WriteStartArray("items");
        foreach (var item in items)
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
                    default: writer.WriteString(field.Name, Convert.ToString(field.Value, CultureInfo.InvariantCulture)); break;
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

    public static async Task CsvAsync(Stream destination, IReadOnlyList<ExportItem> items)
    {
        await using var csv = CsvWriter.Create(destination, CsvOptions, leaveOpen: true);
        foreach (var name in (string[])["Section", "Item ID", "Item Type", "Timestamp", "Data Source", "Details"])
        {
            csv.WriteField(name.AsSpan());
        }

        await csv.EndRecordAsync();
        var details = new StringBuilder();
        foreach (var item in items)
        {
            details.Clear();
            foreach (var field in item.Data)
            {
                details.Append(field.Name).Append('=').Append(Text(field.Value)).Append("; ");
            }

            csv.WriteField("Alert Logs".AsSpan());
            csv.WriteField(item.ItemId.AsSpan());
            csv.WriteField(item.ItemType.AsSpan());
            csv.WriteField(Text(item.Timestamp).AsSpan());
            csv.WriteField("Phase 52: Alert & Notification Engine".AsSpan());
            csv.WriteField(details.ToString().AsSpan());
            await csv.EndRecordAsync();
        }

        await csv.FlushAsync();
    }

    public static async Task HtmlAsync(Stream destination, IReadOnlyList<ExportItem> items)
    {
        await using var writer = new StreamWriter(destination, Utf8, 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Alert Logs</title></head>\n<body>\n<table>\n<thead><tr><th>Item ID</th><th>Type</th><th>Timestamp</th><th>Details</th></tr></thead>\n<tbody>\n");
        foreach (var item in items)
        {
            writer.Write("<tr><td>");
            writer.Write(WebUtility.HtmlEncode(item.ItemId));
            writer.Write("</td><td>");
            writer.Write(WebUtility.HtmlEncode(item.ItemType));
            writer.Write("</td><td>");
            writer.Write(Text(item.Timestamp));
            writer.Write("</td><td><dl>");
            foreach (var field in item.Data)
            {
                writer.Write("<dt>");
                writer.Write(WebUtility.HtmlEncode(field.Name));
                writer.Write("</dt><dd>");
                writer.Write(WebUtility.HtmlEncode(Text(field.Value)));
                writer.Write("</dd>");
            }

            writer.Write("</dl></td></tr>\n");
        }

        await writer.WriteAsync("</tbody>\n</table>\n</body>\n</html>\n");
        await writer.FlushAsync();
    }

    public static async Task MarkdownAsync(Stream destination, IReadOnlyList<ExportItem> items, int sections)
    {
        await using var writer = new StreamWriter(destination, Utf8, 16 * 1024, leaveOpen: true);
        await writer.WriteAsync("# Alert Logs\n\n---\n\n");
        for (var s = 0; s < sections; s++)
        {
            writer.Write("## Alert Logs\n\nNotification tracking\n\n*Phase 52: Alert & Notification Engine*\n\n");
            for (var i = 0; i < Math.Min(10, items.Count); i++)
            {
                var item = items[i];
                writer.Write("### ");
                writer.Write(Escape(item.ItemId));
                writer.Write("\n\n");
                foreach (var field in item.Data)
                {
                    writer.Write("- **");
                    writer.Write(Escape(field.Name));
                    writer.Write("**: ");
                    writer.Write(Escape(Text(field.Value)));
                    writer.Write('\n');
                }

                writer.Write('\n');
            }

            writer.Write("---\n\n");
        }

        await writer.FlushAsync();
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }
}

using System.Text.Json;

namespace ExportKit.Formats.Json;

/// <summary>Writes one item, its fields in their declared order and nested objects as JSON objects.</summary>
internal static class JsonItemWriter
{
    // Encoded once: this is the hot loop, and the names are the same for every item.
    private static readonly JsonEncodedText ItemId = JsonEncodedText.Encode("itemId");
    private static readonly JsonEncodedText ItemType = JsonEncodedText.Encode("itemType");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText References = JsonEncodedText.Encode("references");

    public static void Write(Utf8JsonWriter writer, ExportItem item)
    {
        writer.WriteStartObject();
        writer.WriteString(ItemId, item.ItemId);
        writer.WriteString(ItemType, item.ItemType);
        JsonBundleParts.WriteInstant(writer, Timestamp, item.Timestamp);
        writer.WritePropertyName(Data);
        WriteObject(writer, item, item.Data, path: null);
        writer.WriteStartArray(References);
        var references = item.References;
        for (var i = 0; i < references.Count; i++)
        {
            writer.WriteStringValue(references[i]);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter writer, ExportItem item, IReadOnlyList<ExportField> fields, string? path)
    {
        FieldNames.ThrowIfDuplicate(item, fields, path);
        writer.WriteStartObject();

        // Indexed, not foreach: enumerating an IReadOnlyList through the interface allocates an enumerator per item.
        for (var index = 0; index < fields.Count; index++)
        {
            var field = fields[index];
            var fieldPath = path is null ? field.Name : path + "." + field.Name;
            writer.WritePropertyName(field.Name);
            WriteValue(writer, item, field.Value, fieldPath);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, ExportItem item, object? value, string fieldPath)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case DateTimeOffset t: JsonBundleParts.WriteInstantValue(writer, t); break;
            case IReadOnlyList<ExportField> fields: WriteObject(writer, item, fields, fieldPath); break;

            // No other value reaches a formatter: ExportField refuses it when the field is made (see ExportValueText).
        }
    }
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExportKit.Audit;

/// <summary>
/// Canonical JSON: a value serialised with System.Text.Json's web defaults (camelCase), then written with object keys in
/// ordinal order, no white space and numbers as System.Text.Json writes them. The same value gives the same text, so
/// the text can be compared, and the trail hashes the text it stores.
/// </summary>
/// <remarks>
/// Strings escape only what JSON requires (quotes, backslashes, control characters), not non-ASCII letters or
/// <c>+ &lt; &gt; &amp; '</c> as the default encoder does: the audit query searches this text and the CSV export shows
/// it, so <c>café</c> and <c>O'Brien</c> must stay searchable and readable. The text is never embedded in HTML unencoded.
/// </remarks>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Serialises a value to a node; <see langword="null"/> stays <see langword="null"/>. The value is written to UTF-8 and
    /// parsed back, so every node is plain JSON whatever the value was (a POCO, a dictionary, a JsonElement, a JsonNode).
    /// </summary>
    public static JsonNode? ToNode(object? value) =>
        value is null ? null : JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), SerializerOptions));

    /// <summary>Serialises a value and writes it canonically; <see langword="null"/> stays <see langword="null"/>.</summary>
    public static string? Serialize(object? value) => value is null ? null : Write(ToNode(value));

    /// <summary>Writes a node canonically; a missing value (<see langword="null"/>) is the JSON <c>null</c>.</summary>
    public static string Write(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}

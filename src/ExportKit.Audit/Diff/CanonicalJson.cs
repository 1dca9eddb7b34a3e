using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExportKit.Audit;

/// <summary>
/// Canonical JSON: a value serialised with System.Text.Json's web defaults (camelCase), then written with object keys in
/// ordinal order, no white space, numbers as System.Text.Json writes them and strings with its default encoder. The
/// same value gives the same text on any machine, so the text can be hashed and compared.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

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
        using (var writer = new Utf8JsonWriter(buffer))
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

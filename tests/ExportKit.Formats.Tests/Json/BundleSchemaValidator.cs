using System.Text.Json.Nodes;
using NJsonSchema;

namespace ExportKit.Formats.Tests.Json;

/// <summary>
/// Validates JSON against the shipped bundle schema with NJsonSchema. NJsonSchema 11.6.2 reads draft-04 to
/// draft-07 only: it loads a 2020-12 schema but cannot resolve <c>#/$defs/…</c> references (it throws "The schema
/// reference path '#/$defs/…' has not been resolved"; RicoSuter/NJsonSchema#1536, fix proposed in #1913). The shipped
/// schema stays 2020-12; for NJsonSchema only, <c>$defs</c> is renamed to <c>definitions</c> with its references.
/// That rename is exact because the schema uses only keywords that mean the same in draft-04 and 2020-12
/// (<see cref="PortableKeywords"/>, checked by a test), and negative tests show the refs are followed.
/// </summary>
internal static class BundleSchemaValidator
{
    public static readonly IReadOnlySet<string> PortableKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$ref", "$defs", "title", "description", "type", "properties", "required", "additionalProperties",
        "items", "uniqueItems", "minLength", "maxLength", "pattern", "format", "minimum", "oneOf",
    };

    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadAsync);

    public static async Task<IReadOnlyList<string>> ValidateAsync(string json) =>
        [.. (await Schema.Value).Validate(json).Select(e => e.ToString())];

    private static Task<JsonSchema> LoadAsync()
    {
        var root = JsonNode.Parse(ExportSchemas.BundleJsonSchema)!.AsObject();
        var defs = root["$defs"] ?? throw new InvalidOperationException("The bundle schema has no $defs.");
        root.Remove("$defs");
        root["definitions"] = defs;
        RewriteRefs(root);
        return JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    private static void RewriteRefs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith("#/$defs/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/definitions/" + target["#/$defs/".Length..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    RewriteRefs(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteRefs(child);
                }

                break;
        }
    }
}

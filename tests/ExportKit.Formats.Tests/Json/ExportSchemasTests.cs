using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExportKit.Formats.Tests.Json;

public sealed class ExportSchemasTests
{
    [Fact]
    public void BundleJsonSchema_is_the_shipped_draft_2020_12_schema()
    {
        using var schema = JsonDocument.Parse(ExportSchemas.BundleJsonSchema);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("https://exportkit.dev/schemas/export-bundle.schema.json", schema.RootElement.GetProperty("$id").GetString());
        Assert.Equal(File.ReadAllText(SourceSchemaPath()), ExportSchemas.BundleJsonSchema);
        Assert.Same(ExportSchemas.BundleJsonSchema, ExportSchemas.BundleJsonSchema);
    }

    [Theory]
    [MemberData(nameof(JsonExportFormatterGoldenTests.Cases), MemberType = typeof(JsonExportFormatterGoldenTests))]
    public async Task Formatter_output_satisfies_the_schema(string caseName)
    {
        var json = Encoding.UTF8.GetString(await JsonOutput.WriteAsync(JsonExportFormatterGoldenTests.Build(caseName)));

        Assert.Empty(await BundleSchemaValidator.ValidateAsync(json));
    }

    [Fact]
    public async Task Output_with_every_value_type_and_hostile_text_satisfies_the_schema()
    {
        var item = new ExportItem("it-1", "test-item", TestBundles.Range.Start, [
            new("none", null), new("text", "</script>\u0000😀"), new("yes", false), new("int", 1), new("long", 2L),
            new("double", -0.5), new("decimal", 3.25m), new("at", TestBundles.Range.End),
            new("nested", new ExportField[] { new("deeper", new ExportField[] { new("x", 1) }) }),
        ], ["ref-1", "ref-2"]);
        var json = Encoding.UTF8.GetString(await JsonOutput.WriteAsync(TestBundles.WithItems(item)));

        Assert.Empty(await BundleSchemaValidator.ValidateAsync(json));
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "missing required property", "$.metadata remove compressed" },
        { "missing required top-level property", "$ remove references" },
        { "wrong type in a $defs-referenced section", "$.sections[0] set itemCount \"2\"" },
        { "wrong type in an item", "$.sections[0].items[0] set references \"drift-002\"" },
        { "extra property on a fixed shape", "$.sections[0].items[0] set extra 1" },
        { "malformed bundle id", "$ set bundleId \"bnd_XYZ\"" },
        { "instant not in UTC round-trip form", "$.sections[0].items[0] set timestamp \"2026-02-10T08:00:00+01:00\"" },
        { "identifier with upper case", "$ set category \"Compliance-Pack\"" },
        { "negative count", "$.metadata set totalItems -1" },
        { "array as a field value", "$.sections[0].items[0].data set severity [1]" },
        { "duplicate references", "$ set references [\"a\",\"a\"]" },
        { "blank tenant", "$.scope set tenantId \" \"" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task Schema_rejects_a_bundle_with(string breakage, string edit)
    {
        var root = JsonNode.Parse(await JsonOutput.WriteAsync(TestBundles.CompliancePack()))!;
        Apply(root, edit);

        var errors = await BundleSchemaValidator.ValidateAsync(root.ToJsonString());

        Assert.True(errors.Count > 0, $"The schema accepted a bundle with this breakage: {breakage}.");
    }

    [Fact]
    public void Schema_uses_only_keywords_that_mean_the_same_in_draft_04_and_2020_12()
    {
        // BundleSchemaValidator checks with NJsonSchema, which reads draft-04; this keeps that check exact.
        var unknown = new List<string>();
        Walk(JsonNode.Parse(ExportSchemas.BundleJsonSchema)!.AsObject(), "#", unknown);

        Assert.Empty(unknown);
    }

    private static void Walk(JsonObject schema, string path, List<string> problems)
    {
        foreach (var (keyword, value) in schema)
        {
            if (!BundleSchemaValidator.PortableKeywords.Contains(keyword))
            {
                problems.Add($"{path}/{keyword}");
            }

            switch (keyword)
            {
                case "properties" or "$defs":
                    foreach (var (name, child) in value!.AsObject())
                    {
                        Walk(child!.AsObject(), $"{path}/{keyword}/{name}", problems);
                    }

                    break;
                case "items" or "additionalProperties" when value is JsonObject child:
                    Walk(child, $"{path}/{keyword}", problems);
                    break;
                case "oneOf":
                    foreach (var child in value!.AsArray())
                    {
                        Walk(child!.AsObject(), $"{path}/{keyword}", problems);
                    }

                    break;
            }
        }

        if (schema.ContainsKey("$ref") && schema.Select(p => p.Key).Any(k => k is not ("$ref" or "description" or "title")))
        {
            problems.Add($"{path}: $ref with siblings, which draft-04 ignores");
        }
    }

    /// <summary>Applies "path remove name" or "path set name json" to a document; path is $ then .name and [i] steps.</summary>
    private static void Apply(JsonNode root, string edit)
    {
        var parts = edit.Split(' ', 4);
        var target = root;
        foreach (var step in parts[0][1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            target = bracket < 0 ? target[step]! : target[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        var obj = target.AsObject();
        if (parts[1] == "remove")
        {
            Assert.True(obj.Remove(parts[2]), $"'{parts[2]}' is not there to remove.");
        }
        else
        {
            obj[parts[2]] = JsonNode.Parse(parts[3]);
        }
    }

    private static string SourceSchemaPath([CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "../../../src/ExportKit.Formats/Json/export-bundle.schema.json"));
}

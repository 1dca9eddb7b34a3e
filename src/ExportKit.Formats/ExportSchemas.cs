namespace ExportKit.Formats;

/// <summary>The JSON Schemas of ExportKit's formats, as shipped in the package (also under <c>schemas/</c> in the .nupkg).</summary>
public static class ExportSchemas
{
    private const string BundleResourceName = "ExportKit.Formats.Json.export-bundle.schema.json";

    private static readonly Lazy<string> Bundle = new(() => ReadResource(BundleResourceName));

    /// <summary>
    /// Gets the JSON Schema (draft 2020-12, <c>$id</c> <c>https://exportkit.dev/schemas/export-bundle.schema.json</c>)
    /// that every bundle written by <see cref="ExportFormatters.Json"/> satisfies. Read once from the assembly.
    /// </summary>
    /// <value>The schema's text, UTF-8 JSON.</value>
    public static string BundleJsonSchema => Bundle.Value;

    private static string ReadResource(string name)
    {
        using var stream = typeof(ExportSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from {typeof(ExportSchemas).Assembly.GetName().Name}: the package was built without its schema.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

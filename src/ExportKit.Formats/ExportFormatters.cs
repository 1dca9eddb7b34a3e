namespace ExportKit.Formats;

/// <summary>Creates the built-in formatters, for hosts that register them by hand or write a bundle directly.</summary>
public static class ExportFormatters
{
    /// <summary>
    /// Creates the JSON formatter: the whole bundle as pretty-printed JSON (2-space indent, <c>\n</c> line
    /// endings) in the shape of the <see cref="ExportSchemas.BundleJsonSchema"/>, written as the items stream.
    /// </summary>
    /// <returns>A formatter for <see cref="ExportFormat.Json"/>; it keeps no state and may be shared.</returns>
    public static IExportFormatter Json() => new Json.JsonExportFormatter();
}

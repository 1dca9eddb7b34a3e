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

    /// <summary>
    /// Creates the auditor package formatter: a ZIP holding one BagIt 1.0 bag (RFC 8493), <c>{bundleId}-{category}/</c>,
    /// with each section as JSON and CSV under <c>data/</c>, the export's metadata, a README, an index page, and SHA-256
    /// manifests that <see cref="BagIt.BagItVerifier"/> or any BagIt tool can check.
    /// </summary>
    /// <param name="options">The bag's source organisation and the ZIP's compression; <see langword="null"/> for the defaults.</param>
    /// <returns>A formatter for <see cref="ExportFormat.AuditorPackage"/>; it keeps no state and may be shared.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message lists every problem.</exception>
    public static IExportFormatter AuditorPackage(AuditorPackageOptions? options = null)
    {
        options ??= new AuditorPackageOptions();
        Formats.AuditorPackage.AuditorPackageOptionsValidation.ThrowIfInvalid(options);
        return new AuditorPackage.AuditorPackageFormatter(Json(), CsvPart(), options);
    }

    /// <summary>The CSV formatter the auditor package renders each section with; the lead wires it to <c>Csv()</c> when that lands.</summary>
    internal static IExportFormatter CsvPart() => throw new NotSupportedException("wired by the lead");
}

using ExportKit.Formats;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures the built-in formatters. Each call adds to the format's options (<c>services.Configure&lt;T&gt;</c>), so
/// several calls compose; the options are validated at start-up, every problem listed. The ZIP and the auditor package
/// write their inner JSON, CSV and HTML files with the engine's formatters of those formats, so options given here
/// (a CSV byte-order mark, an HTML template) apply inside bundles too. A host's own <c>IExportFormatter</c> for a
/// format replaces the built-in one, and with it these options.
/// </summary>
/// <remarks>
/// JSON and Markdown have no options: their output is fixed by the bundle's JSON Schema and by the determinism contract
/// (indentation, line endings, escaping, the ten items per section of the Markdown summary), so there is nothing a host
/// could change without breaking a reader.
/// </remarks>
public static class ExportKitFormatBuilderExtensions
{
    /// <summary>Configures the built-in CSV formatter, in its own files and inside ZIPs and auditor packages.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options, for example <c>o =&gt; o.IncludeByteOrderMark = true</c>.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddCsvFormat(this IExportKitBuilder builder, Action<CsvExportOptions> configure) => Configure(builder, configure);

    /// <summary>Configures the built-in HTML formatter (its template), in its own files and inside ZIPs.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options, for example <c>o =&gt; o.Template = myTemplate</c>.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddHtmlFormat(this IExportKitBuilder builder, Action<HtmlExportOptions> configure) => Configure(builder, configure);

    /// <summary>Configures the built-in ZIP formatter: compression, staging directory, and any inner formatter to use instead of the engine's.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options, for example <c>o =&gt; o.CompressionLevel = CompressionLevel.NoCompression</c>.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddZipFormat(this IExportKitBuilder builder, Action<ZipExportOptions> configure) => Configure(builder, configure);

    /// <summary>Configures the built-in auditor package: source organisation, compression, staging directory, and any inner formatter to use instead of the engine's.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options, for example <c>o =&gt; o.SourceOrganization = "Acme Corp"</c>.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddAuditorPackageFormat(this IExportKitBuilder builder, Action<AuditorPackageOptions> configure) => Configure(builder, configure);

    private static IExportKitBuilder Configure<TOptions>(IExportKitBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}

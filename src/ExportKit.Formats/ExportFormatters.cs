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
    /// Says how many items of each section <paramref name="formatter"/> reads at most, when it is a built-in formatter
    /// that shows only the first items of a section and counts the rest: the HTML report reads
    /// <see cref="HtmlExportOptions.MaxRowsPerSection"/> and one more (to see that there are more), the Markdown summary
    /// 10. An assembler may then keep only those (<c>ExportBundleAssembler.BuildAsync</c>'s <c>itemsReadPerSection</c>).
    /// </summary>
    /// <param name="formatter">A formatter.</param>
    /// <returns>The number, or <see langword="null"/> for a formatter that reads every item, or that is not built in.</returns>
    public static int? ItemsReadPerSection(IExportFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        return formatter switch
        {
            ExportKit.Formats.Html.HtmlExportFormatter html => html.ItemsReadPerSection,
            ExportKit.Formats.Markdown.MarkdownExportFormatter => ExportKit.Formats.Markdown.MarkdownExportFormatter.MaxItemsPerSection,
            _ => null,
        };
    }

    /// <summary>
    /// Creates the CSV formatter: RFC 4180, one row per item with the columns <c>Section</c>, <c>Item ID</c>,
    /// <c>Item Type</c>, <c>Timestamp</c>, <c>Data Source</c> and <c>Details</c>, a header row first, rows ending with
    /// <c>\r\n</c>, fields quoted only when they hold a comma, a quote, CR or LF (quotes doubled), UTF-8.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <c>Section</c> is the section's title, <c>Timestamp</c> the item's instant in UTC ISO-8601
    /// (<see cref="ExportValueText.FormatInstant"/>). <c>Details</c> is the item's data as <c>key=value</c> pairs in field
    /// order joined by <c>"; "</c> (semicolon, space). A nested object is written <c>{key=value; key=value}</c> by the
    /// same rules; <see langword="null"/> is an empty value (as is an empty string); other values are written as
    /// <see cref="ExportValueText.ToInvariantString"/> writes them (<c>true</c>, <c>0.25</c>, <c>2026-02-10T08:00:00.0000000Z</c>).
    /// Inside keys and values a backslash is written before every <c>\</c>, <c>;</c>, <c>=</c>, <c>{</c> and <c>}</c>,
    /// and before an apostrophe that would be the first character of the cell. To read Details back: a backslash takes
    /// the next character literally; an unescaped <c>;</c> followed by one space ends a pair; the first unescaped
    /// <c>=</c> of a pair ends its key; a value that starts with an unescaped <c>{</c> is a nested object up to the
    /// matching unescaped <c>}</c>.
    /// </para>
    /// <para>
    /// With <see cref="CsvExportOptions.NeutralizeFormulas"/> (the default), every cell that starts with <c>=</c>,
    /// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe
    /// (<see cref="CsvFormulaGuard.Neutralize"/>); a reader removes one leading apostrophe that is followed by one of
    /// those characters. Items are written as they stream, through a 16 KB buffer.
    /// </para>
    /// </remarks>
    /// <param name="options">The options, or <see langword="null"/> for the defaults. They are read once, here.</param>
    /// <returns>A formatter for <see cref="ExportFormat.Csv"/>; it keeps no state and may be shared.</returns>
    public static IExportFormatter Csv(CsvExportOptions? options = null) => new Csv.CsvExportFormatter(options ?? new CsvExportOptions());

    /// <summary>
    /// Creates the ZIP formatter: one archive with the bundle as <c>{bundleId}.csv</c>, <c>{bundleId}.html</c> and
    /// <c>{bundleId}.json</c> (each written by the built-in formatter of that format, with the bundle's format set to it)
    /// and a <c>README.txt</c> of the bundle's metadata, in ordinal name order (so <c>README.txt</c> comes first).
    /// </summary>
    /// <remarks>
    /// Entry names come from the bundle id alone, never from other text. Every entry is dated 1980-01-01 00:00:00 with
    /// fixed attributes; the same bundle gives the same bytes on one runtime and operating system, and with
    /// <see cref="System.IO.Compression.CompressionLevel.NoCompression"/> on every .NET runtime (see
    /// <see cref="ZipExportOptions.CompressionLevel"/>). A stream that cannot seek
    /// gets the archive through a temporary file, so that it has the same bytes. The inner formatters read the items
    /// again, once each.
    /// </remarks>
    /// <param name="options">The options, or <see langword="null"/> for the defaults. They are read once, here.</param>
    /// <returns>A formatter for <see cref="ExportFormat.Zip"/>; it keeps no state and may be shared.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ZipExportOptions.CompressionLevel"/> is not a defined <see cref="System.IO.Compression.CompressionLevel"/>.</exception>
    public static IExportFormatter Zip(ZipExportOptions? options = null)
    {
        var level = (options ?? new ZipExportOptions()).CompressionLevel;
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(options), level, $"ZipExportOptions.CompressionLevel is {level}, which is not a CompressionLevel: use Optimal, Fastest, NoCompression or SmallestSize.");
        }

        foreach (var (option, formatter, expected) in new[] { ("Json", options?.Json, ExportFormat.Json), ("Csv", options?.Csv, ExportFormat.Csv), ("Html", options?.Html, ExportFormat.Html) })
        {
            if (formatter is not null && !formatter.Format.Equals(expected))
            {
                throw new ArgumentException($"ZipExportOptions.{option} writes '{formatter.Format}', not '{expected}': give a {expected} formatter, or null for the built-in one.", nameof(options));
            }
        }

        return new Zip.ZipExportFormatter(Parts(options), level, options?.TemporaryDirectory);
    }

    /// <summary>The files of the built-in ZIP: an extension and the formatter that writes it.</summary>
    internal static IEnumerable<(string Extension, IExportFormatter Formatter)> Parts(ZipExportOptions? options)
    {
        yield return (".json", options?.Json ?? Json());
        yield return (".csv", options?.Csv ?? Csv());
        yield return (".html", options?.Html ?? Html());
    }

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
        return new AuditorPackage.AuditorPackageFormatter(options.Json ?? Json(), options.Csv ?? Csv(), options);
    }

    /// <summary>
    /// Creates the HTML formatter: one printable HTML5 page with embedded CSS, a table per section and a metadata
    /// footer. A Scriban template renders the page (the embedded one, or <see cref="HtmlExportOptions.Template"/>);
    /// the item rows are written by hand as the items stream, so large exports stay fast and memory stays flat.
    /// </summary>
    /// <param name="options">The template to use; <see langword="null"/> for the defaults.</param>
    /// <returns>A formatter for <see cref="ExportFormat.Html"/>; it keeps no state and may be shared.</returns>
    /// <exception cref="ArgumentException">The template does not parse; the message lists each error with its line and column.</exception>
    public static IExportFormatter Html(HtmlExportOptions? options = null) => new Html.HtmlExportFormatter(options ?? new HtmlExportOptions());

    /// <summary>
    /// Creates the Markdown formatter: CommonMark with the title, a metadata block, each section with its first
    /// 10 items (and how many more there are), and the export metadata. Data is escaped so that it cannot make
    /// links, images, raw HTML, headings, emphasis, code, lists or tables.
    /// </summary>
    /// <returns>A formatter for <see cref="ExportFormat.Markdown"/>; it keeps no state and may be shared.</returns>
    public static IExportFormatter Markdown() => new Markdown.MarkdownExportFormatter();
}

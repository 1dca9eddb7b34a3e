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

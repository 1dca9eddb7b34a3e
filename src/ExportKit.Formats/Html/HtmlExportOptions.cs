namespace ExportKit.Formats;

/// <summary>Options of the HTML formatter (<see cref="ExportFormatters.Html(HtmlExportOptions?)"/>).</summary>
public sealed class HtmlExportOptions
{
    /// <summary>
    /// Gets or sets the Scriban template of the page, for a host that wants its own look; <see langword="null"/>
    /// uses the template embedded in the package.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The template renders the page around the items: head, styles, the bundle's header, each section's title,
    /// description, data source, summary and table frame, and the metadata footer. It sees one variable,
    /// <c>bundle</c>, with <c>bundle_id</c>, <c>export_id</c>, <c>title</c>, <c>description</c>, <c>category</c>,
    /// <c>format</c>, <c>scope</c> (<c>tenant_id</c>, <c>facility_id</c>, <c>federation_id</c>), <c>time_range</c>
    /// (<c>start</c>, <c>end</c>), <c>references</c>, <c>metadata</c> (<c>generated_at</c>, <c>generated_by</c>,
    /// <c>format</c>, <c>total_sections</c>, <c>total_items</c>, <c>estimated_size_bytes</c>, <c>data_sources_used</c>,
    /// <c>time_range</c>, <c>computation_time_ms</c>, <c>compressed</c>) and <c>sections</c>. Each section has
    /// <c>number</c> (1, 2, …), <c>section_id</c>, <c>title</c>, <c>description</c>, <c>data_source</c>,
    /// <c>summary</c>, <c>by_severity</c> and <c>by_status</c> (lists of <c>key</c>, <c>count</c>),
    /// <c>item_count</c>, <c>generated_at</c> and <c>rows</c>. Instants are UTC ISO-8601 strings.
    /// </para>
    /// <para>
    /// Values are raw text: escape each one with <c>html.escape</c>. <c>{{ section.rows }}</c> stands for the
    /// section's table rows (<c>&lt;tr&gt;</c> elements with four cells: item id, type, timestamp, details), which
    /// the formatter writes as the items stream; write it once per section that has items, inside a
    /// <c>&lt;tbody&gt;</c>, in section order. Unknown variables are errors.
    /// </para>
    /// </remarks>
    /// <value>The default value is <see langword="null"/>: the embedded template.</value>
    public string? Template { get; set; }

    /// <summary>
    /// Gets or sets how many items of each section the page shows as table rows. A larger section shows its first
    /// items and then one row that says how many more there are and that the JSON and CSV exports (and the ZIP, which
    /// holds both) contain every item. A browser lays out every row of a page at once: a report of 200,000 items
    /// (about 100 MB) does not open in reasonable time, while one capped at the default opens in a few seconds.
    /// </summary>
    /// <value>The default value is 2,000; from 1 to 1,000,000.</value>
    public int MaxRowsPerSection { get; set; } = DefaultMaxRowsPerSection;

    /// <summary>The default of <see cref="MaxRowsPerSection"/>: 2,000.</summary>
    public const int DefaultMaxRowsPerSection = 2_000;
}

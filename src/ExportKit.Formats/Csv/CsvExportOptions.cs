namespace ExportKit.Formats;

/// <summary>Options of the CSV formatter (<see cref="ExportFormatters.Csv"/>).</summary>
public sealed class CsvExportOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the file starts with a UTF-8 byte order mark (<c>EF BB BF</c>), which
    /// some versions of Excel need to read non-ASCII text as UTF-8 rather than the machine's code page.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: plain UTF-8, as RFC 4180 and most tools expect.</value>
    public bool IncludeByteOrderMark { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether cells that a spreadsheet would run as a formula (those that start with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) get a leading apostrophe
    /// (<see cref="CsvFormulaGuard.Neutralize"/>), as OWASP recommends against CSV injection. Every cell is checked,
    /// the header and the Details column included.
    /// </summary>
    /// <value>
    /// The default value is <see langword="true"/>. Turn it off only for files that no spreadsheet will open: the
    /// exported text then reaches the cells exactly as the sources gave it.
    /// </value>
    public bool NeutralizeFormulas { get; set; } = true;
}

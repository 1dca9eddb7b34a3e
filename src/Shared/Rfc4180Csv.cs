using System.Globalization;
using CsvHelper;

namespace ExportKit;

/// <summary>
/// The one way ExportKit writes CSV (the CSV format, the export log's CSV, the audit trail's CSV): RFC 4180, rows
/// ending with CRLF, fields quoted only when they hold a comma, a quote, CR or LF, numbers and dates in the invariant
/// culture, UTF-8, and cells that a spreadsheet would run as a formula neutralised by <see cref="CsvFormulaGuard"/>
/// (CsvHelper's own injection handling is off, so every CSV agrees on the rule).
/// </summary>
/// <remarks>Shared internal plumbing: linked into each package that needs it (src/Shared).</remarks>
internal static class Rfc4180Csv
{
    /// <summary>The writer options; CsvHelper's defaults for the byte-order mark and the buffer unless given.</summary>
    /// <param name="byteOrderMark">Whether the text starts with a UTF-8 byte-order mark.</param>
    /// <param name="bufferSize">Bytes the writer may hold before they are written, or <see langword="null"/> for CsvHelper's default.</param>
    /// <returns>The options.</returns>
    public static CsvWriterOptions Options(bool byteOrderMark = false, int? bufferSize = null)
    {
        var options = CsvWriterOptions.Default with
        {
            NewLine = "\r\n",
            Quoting = CsvQuoting.WhenNeeded,
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = byteOrderMark,
            Injection = CsvInjection.None,
        };

        return bufferSize is { } size ? options with { BufferSize = size } : options;
    }

    /// <summary>Creates a writer over a stream, which it leaves open.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="options">Options from <see cref="Options"/>.</param>
    /// <returns>The writer.</returns>
    public static CsvWriter Create(Stream destination, CsvWriterOptions options) => CsvWriter.Create(destination, options, leaveOpen: true);

    /// <summary>Writes one cell, neutralised when it would run as a formula.</summary>
    /// <param name="csv">The writer.</param>
    /// <param name="text">The cell's text.</param>
    /// <param name="neutralizeFormulas">Whether to neutralise formulas (<see cref="CsvFormulaGuard"/>).</param>
    public static void WriteCell(CsvWriter csv, string text, bool neutralizeFormulas = true) =>
        csv.WriteField((neutralizeFormulas ? CsvFormulaGuard.Neutralize(text) : text).AsSpan());

    /// <summary>Writes a row of neutralised cells and ends it.</summary>
    /// <param name="csv">The writer.</param>
    /// <param name="cells">The cells, in order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the row is ended.</returns>
    public static async ValueTask WriteRowAsync(CsvWriter csv, string[] cells, CancellationToken cancellationToken)
    {
        foreach (var cell in cells)
        {
            WriteCell(csv, cell);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
    }
}

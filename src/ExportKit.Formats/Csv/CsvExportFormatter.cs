using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace ExportKit.Formats.Csv;

/// <summary>
/// Writes a bundle as RFC 4180 CSV with CsvHelper, one row per item as the items stream: a header, then
/// Section, Item ID, Item Type, Timestamp, Data Source and Details (<see cref="CsvDetails"/>). Rows end with CRLF,
/// fields are quoted only when they hold a comma, a quote, CR or LF, and text is UTF-8.
/// </summary>
internal sealed class CsvExportFormatter : IExportFormatter
{
    /// <summary>Bytes the writer may hold before they are written to the destination.</summary>
    internal const int BufferSize = 16 * 1024;

    internal static readonly string[] Header = ["Section", "Item ID", "Item Type", "Timestamp", "Data Source", "Details"];

    private readonly CsvWriterOptions writerOptions;
    private readonly bool neutralizeFormulas;

    public CsvExportFormatter(CsvExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        neutralizeFormulas = options.NeutralizeFormulas;
        writerOptions = Rfc4180Csv.Options(options.IncludeByteOrderMark, BufferSize);
    }

    public ExportFormat Format => ExportFormat.Csv;

    public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to: pass a writable stream.", nameof(destination));
        }

        var csv = Rfc4180Csv.Create(destination, writerOptions);
        await using (csv.ConfigureAwait(false))
        {
            foreach (var name in Header)
            {
                WriteCell(csv, name);
            }

            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            var details = new StringBuilder();
            var cell = ArrayPool<char>.Shared.Rent(256);
            foreach (var section in bundle.Sections)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await foreach (var item in section.Items.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    details.Clear();
                    CsvDetails.Append(details, item);
                    WriteCell(csv, section.Title);
                    WriteCell(csv, item.ItemId);
                    WriteCell(csv, item.ItemType);
                    WriteTimestamp(csv, item.Timestamp);
                    WriteCell(csv, section.DataSource);
                    WriteCell(csv, details, ref cell);

                    // Writes the buffer to the destination whenever it is mostly full, so memory stays at BufferSize.
                    await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            ArrayPool<char>.Shared.Return(cell);
            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteTimestamp(CsvWriter csv, DateTimeOffset instant)
    {
        // An instant starts with a digit: no formula guard needed, and no string either.
        Span<char> text = stackalloc char[ExportValueText.InstantLength + 8];
        ExportValueText.TryFormatInstant(instant, text, out var length);
        csv.WriteField(text[..length]);
    }

    // The Details cell is copied out of its builder into a pooled buffer instead of a new string per row.
    private void WriteCell(CsvWriter csv, StringBuilder text, ref char[] buffer)
    {
        var length = text.Length + 1;
        if (buffer.Length < length)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(length);
        }

        var offset = 0;
        if (neutralizeFormulas && text.Length > 0 && CsvFormulaGuard.IsDangerous([text[0]]))
        {
            buffer[0] = '\'';
            offset = 1;
        }

        text.CopyTo(0, buffer, offset, text.Length);
        csv.WriteField(buffer.AsSpan(0, text.Length + offset));
    }

    private void WriteCell(CsvWriter csv, string text) => Rfc4180Csv.WriteCell(csv, text, neutralizeFormulas);
}

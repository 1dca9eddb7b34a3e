using System.Text;
using CsvHelper;

namespace ExportKit.Formats.Tests.Csv;

/// <summary>Writes bundles as CSV and reads them back with CsvHelper's reader.</summary>
internal static class CsvOutput
{
    /// <summary>The bundle as the engine hands it to the CSV formatter: its format is CSV.</summary>
    public static ExportBundle AsCsv(ExportBundle bundle) =>
        bundle.With(it => it.Format, ExportFormat.Csv).With(it => it.Metadata, bundle.Metadata.With(it => it.Format, ExportFormat.Csv));

    public static async Task<byte[]> WriteAsync(ExportBundle bundle, CsvExportOptions? options = null)
    {
        using var stream = new MemoryStream();
        await ExportFormatters.Csv(options).WriteAsync(bundle, stream, CancellationToken.None);
        return stream.ToArray();
    }

    public static async Task<string> WriteTextAsync(ExportBundle bundle, CsvExportOptions? options = null) =>
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(await WriteAsync(bundle, options));

    /// <summary>Every record, the header included, as CsvHelper's RFC 4180 reader reads it.</summary>
    public static List<string[]> Read(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = ',', HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Undoes <see cref="CsvFormulaGuard.Neutralize"/>: drops one apostrophe that is followed by a formula trigger.</summary>
    public static string Unneutralize(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && CsvFormulaGuard.IsDangerous(cell.AsSpan(1)) ? cell[1..] : cell;
}

using System.Globalization;
using CsvHelper;

namespace ExportKit.Audit;

/// <summary>
/// Writes the export log as RFC 4180 CSV: a header, then one row per entry, rows ending with CRLF. Every cell goes
/// through <see cref="CsvFormulaGuard"/>, so log text cannot run as a spreadsheet formula.
/// </summary>
internal static class ExportLogCsvWriter
{
    private static readonly string[] Header =
    [
        "Timestamp", "Entry Type", "Tenant ID", "Facility ID", "User ID", "Bundle ID",
        "Category", "Format", "Items", "Size Bytes", "Allowed", "Message",
    ];

    private static readonly CsvWriterOptions Options = Rfc4180Csv.Options();

    public static async ValueTask WriteAsync(
        IExportLogStore store, Stream destination, ExportLogFilter? filter, CancellationToken cancellationToken)
    {
        var csv = Rfc4180Csv.Create(destination, Options);
        await using (csv.ConfigureAwait(false))
        {
            await Rfc4180Csv.WriteRowAsync(csv, Header, cancellationToken).ConfigureAwait(false);
            var row = new string[Header.Length];
            await foreach (var entry in store.ReadAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                Fill(row, entry);
                await Rfc4180Csv.WriteRowAsync(csv, row, cancellationToken).ConfigureAwait(false);
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Fill(string[] row, ExportLogEntry entry)
    {
        Array.Fill(row, string.Empty);
        row[0] = ExportValueText.FormatInstant(entry.Timestamp);
        row[1] = entry.EntryType;
        row[2] = entry.TenantId ?? string.Empty;
        row[3] = entry.FacilityId ?? string.Empty;
        row[4] = entry.UserId;
        switch (entry)
        {
            case ExportGeneratedEntry generated:
                row[5] = generated.BundleId;
                row[6] = generated.Category;
                row[7] = generated.Format;
                row[8] = generated.ItemsIncluded.ToString(CultureInfo.InvariantCulture);
                row[9] = generated.SizeBytes.ToString(CultureInfo.InvariantCulture);
                break;
            case ExportDownloadedEntry downloaded:
                row[5] = downloaded.BundleId;
                row[7] = downloaded.Format;
                row[9] = downloaded.SizeBytes.ToString(CultureInfo.InvariantCulture);
                row[11] = downloaded.FileName;
                break;
            case PolicyDecisionEntry decision:
                row[10] = decision.Decision.Allowed ? "true" : "false";
                row[11] = DecisionMessage(decision.Decision);
                break;
            case ExportErrorEntry error:
                row[11] = error.Message;
                break;
        }
    }

    // The reason already joins every violation; the violations stand in for a reason left empty.
    private static string DecisionMessage(PolicyDecision decision) =>
        decision.Reason.Length > 0 ? decision.Reason : string.Join("; ", decision.Violations);
}

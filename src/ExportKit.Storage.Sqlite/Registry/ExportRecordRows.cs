using ExportKit.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage;

/// <summary>SQLite's part of the <see cref="ExportRecord"/> mapping: the columns, the insert, and each row read back strictly.</summary>
internal static partial class ExportRecordRows
{
    public const string Columns =
        "export_id, bundle_id, tenant_id, run_id, category, format, sections_json, storage_path, size_bytes, sha256, created_at, created_by";

    public const string Insert = $"""
        INSERT INTO exports ({Columns})
        VALUES (@export_id, @bundle_id, @tenant_id, @run_id, @category, @format, @sections_json, @storage_path, @size_bytes,
                @sha256, @created_at, @created_by);
        """;

    /// <summary>Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order.</summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its export id and column.</exception>
    public static ExportRecord Read(SqliteDataReader reader)
    {
        var row = new SqliteRowDecoder(reader);
        var exportId = row.Text(0, "export_id");
        var readableId = row.Failed ? "(unreadable)" : exportId;
        var record = new ExportRecord
        {
            ExportId = exportId,
            BundleId = row.Text(1, "bundle_id"),
            TenantId = row.Text(2, "tenant_id"),
            RunId = row.NullableText(3, "run_id"),
            Category = row.Text(4, "category"),
            Format = row.Text(5, "format"),
            Sections = row.Deserialize<string[]>(6, "sections_json", Options) ?? [],
            StoragePath = row.NullableText(7, "storage_path"),
            SizeBytes = row.Integer(8, "size_bytes"),
            Sha256 = row.Text(9, "sha256"),
            CreatedAt = row.Instant(10, "created_at"),
            CreatedBy = row.Text(11, "created_by"),
        };
        if (!row.Failed && record.SizeBytes < 0)
        {
            row.Fail("size_bytes", "negative");
        }

        return row.Failed
            ? throw new InvalidDataException(
                $"exports row with export id {readableId} is malformed: column {row.Column}: {row.Reason}. The database was changed outside ExportKit; restore the row from a backup.")
            : record;
    }
}

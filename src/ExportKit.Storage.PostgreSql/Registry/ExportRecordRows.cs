using System.Text.Json;
using ExportKit.Storage.PostgreSql;
using Npgsql;

namespace ExportKit.Storage;

/// <summary>PostgreSQL's part of the <see cref="ExportRecord"/> mapping: the columns, the insert (a repeat changes nothing), and each row read back.</summary>
internal static partial class ExportRecordRows
{
    public const string Columns =
        "export_id, bundle_id, tenant_id, run_id, category, format, sections_json::text, storage_path, size_bytes, sha256, created_at, created_by";

    // ON CONFLICT DO NOTHING: a second insert of the same id changes nothing and fires no trigger; the caller compares.
    public const string Insert = """
        INSERT INTO exports (export_id, bundle_id, tenant_id, run_id, category, format, sections_json, storage_path,
                             size_bytes, sha256, created_at, created_by)
        VALUES (@export_id, @bundle_id, @tenant_id, @run_id, @category, @format, @sections_json, @storage_path, @size_bytes,
                @sha256, @created_at, @created_by)
        ON CONFLICT (export_id) DO NOTHING;
        """;

    /// <summary>Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order.</summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its export id and column.</exception>
    public static ExportRecord Read(NpgsqlDataReader reader)
    {
        var exportId = reader.GetString(0);
        string[]? sections;
        try
        {
            sections = JsonSerializer.Deserialize<string[]>(reader.GetString(6), Options);
        }
        catch (JsonException e)
        {
            throw Malformed(exportId, "sections_json", e.Message);
        }

        if (!PostgreSqlInstants.TryParse(reader.GetString(10), out var createdAt))
        {
            throw Malformed(exportId, "created_at", "not an ISO-8601 instant");
        }

        return new ExportRecord
        {
            ExportId = exportId,
            BundleId = reader.GetString(1),
            TenantId = reader.GetString(2),
            RunId = reader.GetNullableString(3),
            Category = reader.GetString(4),
            Format = reader.GetString(5),
            Sections = sections ?? [],
            StoragePath = reader.GetNullableString(7),
            SizeBytes = reader.GetInt64(8),
            Sha256 = reader.GetString(9),
            CreatedAt = createdAt,
            CreatedBy = reader.GetString(11),
        };
    }

    private static InvalidDataException Malformed(string exportId, string column, string reason) =>
        new($"exports row with export id {exportId} is malformed: column {column}: {reason}. The database was changed outside ExportKit; restore the row from a backup.");
}

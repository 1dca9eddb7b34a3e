using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>How an <see cref="ExportRecord"/> maps to a row of <c>exports</c> and back, every field exactly.</summary>
internal static class ExportRecordRows
{
    public const string Columns =
        "export_id, bundle_id, tenant_id, run_id, category, format, sections_json, storage_path, size_bytes, sha256, created_at, created_by";

    public const string Insert = $"""
        INSERT INTO exports ({Columns})
        VALUES (@export_id, @bundle_id, @tenant_id, @run_id, @category, @format, @sections_json, @storage_path, @size_bytes,
                @sha256, @created_at, @created_by);
        """;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static void AddParameters(SqliteParameterCollection parameters, ExportRecord record)
    {
        parameters.Add("@export_id", record.ExportId);
        parameters.Add("@bundle_id", record.BundleId);
        parameters.Add("@tenant_id", record.TenantId);
        parameters.Add("@run_id", record.RunId);
        parameters.Add("@category", record.Category);
        parameters.Add("@format", record.Format);
        parameters.Add("@sections_json", JsonSerializer.Serialize(record.Sections, Options));
        parameters.Add("@storage_path", record.StoragePath);
        parameters.Add("@size_bytes", record.SizeBytes);
        parameters.Add("@sha256", record.Sha256);
        parameters.Add("@created_at", SqliteInstants.Format(record.CreatedAt));
        parameters.Add("@created_by", record.CreatedBy);
    }

    /// <summary>Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order.</summary>
    public static ExportRecord Read(SqliteDataReader reader) => new()
    {
        ExportId = reader.GetString(0),
        BundleId = reader.GetString(1),
        TenantId = reader.GetString(2),
        RunId = reader.GetNullableString(3),
        Category = reader.GetString(4),
        Format = reader.GetString(5),
        Sections = JsonSerializer.Deserialize<string[]>(reader.GetString(6), Options) ?? [],
        StoragePath = reader.GetNullableString(7),
        SizeBytes = reader.GetInt64(8),
        Sha256 = reader.GetString(9),
        CreatedAt = SqliteInstants.Parse(reader.GetString(10)),
        CreatedBy = reader.GetString(11),
    };
}

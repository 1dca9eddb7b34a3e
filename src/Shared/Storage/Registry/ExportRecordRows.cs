using System.Data.Common;
using System.Text.Json;

namespace ExportKit.Storage;

/// <summary>
/// How an <see cref="ExportRecord"/>'s fields are bound to a row of <c>exports</c>, in every SQL store; the provider's
/// part of this class holds its column list, its insert and how it reads a row back.
/// </summary>
internal static partial class ExportRecordRows
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static void AddParameters(StoreParameters bind, DbParameterCollection parameters, ExportRecord record)
    {
        bind.AddText(parameters, "export_id", record.ExportId);
        bind.AddText(parameters, "bundle_id", record.BundleId);
        bind.AddText(parameters, "tenant_id", record.TenantId);
        bind.AddText(parameters, "run_id", record.RunId);
        bind.AddText(parameters, "category", record.Category);
        bind.AddText(parameters, "format", record.Format);
        bind.AddJson(parameters, "sections_json", JsonSerializer.Serialize(record.Sections, Options));
        bind.AddText(parameters, "storage_path", record.StoragePath);
        bind.AddValue(parameters, "size_bytes", record.SizeBytes);
        bind.AddText(parameters, "sha256", record.Sha256);
        bind.AddInstant(parameters, "created_at", record.CreatedAt);
        bind.AddText(parameters, "created_by", record.CreatedBy);
    }
}

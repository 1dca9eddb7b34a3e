using System.Text.Json;

namespace ExportKit.Audit;

/// <summary>
/// Writes one log entry as JSON: <c>entryType</c>, <c>timestamp</c>, <c>tenantId</c>, <c>facilityId</c> (when
/// known), the entry's own object (<c>export</c>, <c>download</c>, <c>decision</c> or <c>error</c>) and who it
/// concerns (<c>generatedBy</c>, <c>downloadedBy</c> or <c>userId</c>), with the specification's field names.
/// </summary>
internal static class ExportLogJsonEntry
{
    public static void Write(Utf8JsonWriter json, ExportLogEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("entryType", entry.EntryType);
        json.WriteString("timestamp", ExportValueText.FormatInstant(entry.Timestamp));
        json.WriteString("tenantId", entry.TenantId);
        if (entry.FacilityId is not null)
        {
            json.WriteString("facilityId", entry.FacilityId);
        }

        switch (entry)
        {
            case ExportGeneratedEntry generated:
                WriteExport(json, generated);
                json.WriteString("generatedBy", generated.GeneratedBy);
                break;
            case ExportDownloadedEntry downloaded:
                WriteDownload(json, downloaded);
                json.WriteString("downloadedBy", downloaded.DownloadedBy);
                break;
            case PolicyDecisionEntry decision:
                WriteDecision(json, decision);
                json.WriteString("userId", decision.UserId);
                break;
            case ExportErrorEntry error:
                WriteError(json, error);
                json.WriteString("userId", error.UserId);
                break;
            default:
                json.WriteString("userId", entry.UserId);
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteExport(Utf8JsonWriter json, ExportGeneratedEntry entry)
    {
        json.WriteStartObject("export");
        json.WriteString("exportId", entry.ExportId);
        json.WriteString("bundleId", entry.BundleId);
        json.WriteString("category", entry.Category);
        json.WriteString("format", entry.Format);
        json.WriteNumber("sectionsGenerated", entry.SectionsGenerated);
        json.WriteNumber("itemsIncluded", entry.ItemsIncluded);
        json.WriteNumber("sizeBytes", entry.SizeBytes);
        json.WriteNumber("generationTimeMs", entry.GenerationTimeMs);
        json.WriteNumber("recordsDropped", entry.RecordsDropped);
        json.WriteEndObject();
    }

    private static void WriteDownload(Utf8JsonWriter json, ExportDownloadedEntry entry)
    {
        json.WriteStartObject("download");
        json.WriteString("bundleId", entry.BundleId);
        json.WriteString("format", entry.Format);
        json.WriteString("filename", entry.FileName);
        json.WriteNumber("sizeBytes", entry.SizeBytes);
        json.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter json, PolicyDecisionEntry entry)
    {
        json.WriteStartObject("decision");
        json.WriteString("queryId", entry.QueryId);
        json.WriteStartObject("scope");
        WriteIfKnown(json, "tenantId", entry.TenantId);
        WriteIfKnown(json, "facilityId", entry.FacilityId);
        WriteIfKnown(json, "federationId", entry.FederationId);
        json.WriteEndObject();
        json.WriteBoolean("allowed", entry.Decision.Allowed);
        json.WriteString("reason", entry.Decision.Reason);
        WriteStrings(json, "violations", entry.Decision.Violations);
        WriteStrings(json, "warnings", entry.Decision.Warnings);
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, ExportErrorEntry entry)
    {
        json.WriteStartObject("error");
        json.WriteString("queryId", entry.QueryId);
        json.WriteString("errorCode", entry.ErrorCode);
        json.WriteString("message", entry.Message);
        WriteIfKnown(json, "details", entry.Details);
        json.WriteEndObject();
    }

    private static void WriteIfKnown(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

using System.Globalization;
using System.Text.Json;
using ExportKit.Audit;

namespace ExportKit.AspNetCore;

/// <summary>An audit event as the API serves it (seed 003's names; the chain hashes are left to the verifier).</summary>
internal sealed record AuditEventDto(
    string Id,
    DateTimeOffset Timestamp,
    string EventType,
    string Severity,
    string ActorType,
    string? UserId,
    string? ResourceType,
    string? ResourceId,
    JsonElement? Context,
    string? IpAddress,
    string? UserAgent,
    string? RequestId,
    IReadOnlyList<AuditChange> Changes)
{
    public static AuditEventDto From(AuditEvent e) => new(
        e.Id,
        e.Timestamp,
        e.EventType,
        AuditEnumNames.Of(e.Severity),
        AuditEnumNames.Of(e.ActorType),
        e.UserId,
        e.ResourceType,
        e.ResourceId,
        ApiJson.Parse(e.ContextJson),
        e.Request?.IpAddress,
        e.Request?.UserAgent,
        e.Request?.RequestId,
        e.Diff);
}

/// <summary>A page of audit events.</summary>
internal sealed record AuditPageDto(IReadOnlyList<AuditEventDto> Items, int Limit, int Offset);

/// <summary>Counts by severity (every severity, zeros included) and their total.</summary>
internal sealed record AuditStatsDto(long Total, IReadOnlyDictionary<string, long> BySeverity);

/// <summary>An export job as the API serves it (no server file path).</summary>
internal sealed record ExportJobDto(
    string Id,
    string Kind,
    string Status,
    string UserId,
    JsonElement? Filters,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ExpiresAt,
    long? FileSizeBytes,
    long? RowCount,
    string? Sha256,
    string? ExportId,
    string? ErrorCode,
    string? ErrorMessage)
{
    public static ExportJobDto From(ExportJob job) => new(
        job.Id,
        ApiJson.Name(job.Kind.ToString()),
        ApiJson.Name(job.Status.ToString()),
        job.UserId,
        ApiJson.Parse(job.FiltersJson),
        job.CreatedAt,
        job.StartedAt,
        job.CompletedAt,
        job.ExpiresAt,
        job.FileSizeBytes,
        job.RowCount,
        job.Sha256,
        job.ExportId,
        job.ErrorCode,
        job.ErrorMessage);
}

/// <summary>A list of jobs.</summary>
internal sealed record ExportJobListDto(IReadOnlyList<ExportJobDto> Items, int Limit, int Offset);

/// <summary>One category or format, whether the caller may use it, and why not: every violation, and them joined as one reason.</summary>
internal sealed record VisibilityItemDto(string Id, bool Allowed, string? Reason, IReadOnlyList<string> Violations);

/// <summary>The categories and formats the caller may use.</summary>
internal sealed record VisibilityDto(IReadOnlyList<VisibilityItemDto> Categories, IReadOnlyList<VisibilityItemDto> Formats);

/// <summary>The body of <c>POST /exports</c>; <c>delivery</c> is <c>job</c> (the default) or <c>direct</c> (the file in the response, when the host allows it).</summary>
internal sealed record CreateExportRequest(string? Category, string? Format, string? FacilityId, string? FederationId, string? StartDate, string? EndDate, string? Delivery = null);

/// <summary>The optional body of <c>POST /audit/export</c>: the filters, as the query parameters of <c>GET /audit</c>.</summary>
internal sealed record AuditExportRequest(string? Severity, string? ActorType, string? EventType, string? StartDate, string? EndDate, string? Search);

internal static class ApiJson
{
    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }

    /// <summary><c>AuditCsv</c> → <c>audit-csv</c>.</summary>
    public static string Name(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLower(pascal[i], CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

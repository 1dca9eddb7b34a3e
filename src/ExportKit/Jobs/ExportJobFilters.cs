using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExportKit.Jobs;

/// <summary>
/// A job's <see cref="ExportJob.FiltersJson"/>: the query it runs (seed 003's <c>filters_json</c>) and the roles and
/// permissions of the principal who created it, so that any worker — another process, another machine — runs it with
/// the authority granted at creation. A bundle job's time range is pinned at creation: the export covers what policy allowed.
/// </summary>
internal static class ExportJobFilters
{
    public static string Write(AuditQuery query, ExportPrincipal principal) => JsonSerializer.Serialize(
        new AuditFilters(query.TenantId, query.Severity, query.ActorType, query.EventType, query.StartDate, query.EndDate, query.Search, Snapshot(principal)),
        ExportJobJsonContext.Default.AuditFilters);

    public static string Write(ExportQuery query, ExportTimeRange timeRange, string queryId, ExportPrincipal principal) => JsonSerializer.Serialize(
        new BundleFilters(
            query.Category.Value, query.Format.Value, query.Format.MimeType, query.Format.Extension, query.Scope.TenantId, query.Scope.FacilityId,
            query.Scope.FederationId, timeRange.Start, timeRange.End, query.RunId, queryId, query.Request, Snapshot(principal)),
        ExportJobJsonContext.Default.BundleFilters);

    /// <exception cref="ExportJobException"><see cref="ExportJobErrorCodes.InvalidFilter"/>: the JSON is not an audit job's filters.</exception>
    public static (AuditQuery Query, ExportPrincipal Principal) ReadAudit(ExportJob job) => Read(job, () =>
    {
        var f = JsonSerializer.Deserialize(job.FiltersJson, ExportJobJsonContext.Default.AuditFilters) ?? throw new JsonException("null");
        var query = new AuditQuery(f.TenantId)
        {
            Severity = f.Severity, ActorType = f.ActorType, EventType = f.EventType, StartDate = f.StartDate, EndDate = f.EndDate, Search = f.Search,
        };
        query.Validate();
        return (query, Principal(job, f.Principal));
    });

    /// <exception cref="ExportJobException"><see cref="ExportJobErrorCodes.InvalidFilter"/>: the JSON is not a bundle job's filters.</exception>
    public static (ExportQuery Query, ExportPrincipal Principal) ReadBundle(ExportJob job) => Read(job, () =>
    {
        var f = JsonSerializer.Deserialize(job.FiltersJson, ExportJobJsonContext.Default.BundleFilters) ?? throw new JsonException("null");
        var query = new ExportQuery(new ExportCategory(f.Category), new ExportFormat(f.Format, f.MimeType, f.Extension), new ExportScope(f.TenantId, f.FacilityId, f.FederationId), job.UserId)
        {
            TimeRange = new ExportTimeRange(f.Start, f.End), RunId = f.RunId, QueryId = f.QueryId, Request = f.Request,
        };
        return (query, Principal(job, f.Principal));
    });

    /// <summary>The file extension of a job's output (with its dot).</summary>
    public static string Extension(ExportJob job) =>
        job.Kind == ExportJobKind.AuditCsv ? ".csv" : ReadBundle(job).Query.Format.Extension;

    /// <summary>The media type of a job's output.</summary>
    public static string ContentType(ExportJob job) =>
        job.Kind == ExportJobKind.AuditCsv ? "text/csv" : ReadBundle(job).Query.Format.MimeType;

    private static T Read<T>(ExportJob job, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException)
        {
            throw new ExportJobException(
                ExportJobErrorCodes.InvalidFilter,
                $"The filters of export job {job.Id} cannot be read as a {job.Kind} job's ({ex.Message}); the record was changed outside ExportKit. Create a new job.",
                ex)
            { JobId = job.Id };
        }
    }

    private static JobPrincipal Snapshot(ExportPrincipal principal) => new([.. principal.Roles], [.. principal.Permissions], principal.FederationId);

    private static ExportPrincipal Principal(ExportJob job, JobPrincipal? p) =>
        new(job.UserId, job.TenantId, p?.Roles, p?.Permissions) { FederationId = p?.FederationId };

    internal sealed record JobPrincipal(IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions, string? FederationId);

    internal sealed record AuditFilters(
        string TenantId, AuditSeverity? Severity, AuditActorType? ActorType, string? EventType, DateTimeOffset? StartDate, DateTimeOffset? EndDate,
        string? Search, JobPrincipal? Principal);

    internal sealed record BundleFilters(
        string Category, string Format, string MimeType, string Extension, string TenantId, string? FacilityId, string? FederationId,
        DateTimeOffset Start, DateTimeOffset End, string? RunId, string? QueryId, RequestMetadata? Request, JobPrincipal? Principal);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ExportJobFilters.AuditFilters))]
[JsonSerializable(typeof(ExportJobFilters.BundleFilters))]
internal sealed partial class ExportJobJsonContext : JsonSerializerContext;

using ExportKit;
using ExportKit.AspNetCore;
using ExportKit.Audit;
using ExportKit.Jobs;
using ExportKit.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps ExportKit's REST API: seed 003's audit routes and the export hub's routes.</summary>
public static class ExportKitEndpointRouteBuilderExtensions
{
    private const string JobNotFound = "No export job of your tenant has that id.";
    private const int MaxHistory = 100;

    /// <summary>
    /// Maps <c>/audit</c> (query, entry, stats, CSV export jobs) and <c>/exports</c> (visibility, bundle jobs, history,
    /// statistics) under <paramref name="prefix"/>. Every endpoint maps the caller to an <see cref="ExportPrincipal"/>
    /// (<see cref="ExportKitAspNetCoreOptions"/>; 401 when there is none) and answers refusals and bad input with RFC 9457
    /// problem details carrying an <c>errorCode</c>.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The route prefix, for example <c>/api/v1</c>.</param>
    /// <returns>The route group, for the host to secure (<c>RequireAuthorization</c>, <c>RequireRateLimiting</c>).</returns>
    public static RouteGroupBuilder MapExportKit(this IEndpointRouteBuilder endpoints, string prefix = "/api/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix);
        MapAudit(group.MapGroup("/audit").WithTags("Audit"));
        MapExports(group.MapGroup("/exports").WithTags("Exports"));
        return group;
    }

    private static void MapAudit(RouteGroupBuilder audit)
    {
        audit.MapGet("/", Handler(context => ApiCall.RunAsync(context, adminRoute: false, async principal =>
            {
                var query = ApiParsing.AuditQuery(principal.TenantId, context.Request.Query, paging: true);
                var events = await ApiCall.Service<IAuditTrail>(context).QueryAsync(query, principal, context.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(new AuditPageDto([.. events.Select(AuditEventDto.From)], query.Limit, query.Offset));
            })))
            .WithName("ExportKit.QueryAudit").WithSummary("Query the tenant's audit events with seed 003's filters, newest first.")
            .Produces<AuditPageDto>().Standard();

        audit.MapGet("/stats", Handler(context => ApiCall.RunAsync(context, adminRoute: false, async principal =>
            {
                var query = ApiParsing.AuditQuery(principal.TenantId, context.Request.Query, paging: false);
                var counts = await ApiCall.Service<IAuditTrail>(context).CountBySeverityAsync(query, principal, context.RequestAborted).ConfigureAwait(false);
                var bySeverity = counts.ToDictionary(p => AuditEnumNames.Of(p.Key), p => p.Value, StringComparer.Ordinal);
                return TypedResults.Ok(new AuditStatsDto(bySeverity.Values.Sum(), bySeverity));
            })))
            .WithName("ExportKit.AuditStats").WithSummary("Count the tenant's matching audit events by severity.")
            .Produces<AuditStatsDto>().Standard();

        audit.MapGet("/{id}", (HttpContext context, string id) => ApiCall.RunAsync(context, adminRoute: false, async principal =>
            {
                var found = await ApiCall.Service<IAuditTrail>(context).GetAsync(id, principal, context.RequestAborted).ConfigureAwait(false);
                return found is null
                    ? throw new ExportJobException(ExportJobErrorCodes.NotFound, "No audit event of your tenant has that id.")
                    : TypedResults.Ok(AuditEventDto.From(found));
            }))
            .WithName("ExportKit.GetAuditEvent").WithSummary("Get one audit event of the tenant.")
            .Produces<AuditEventDto>().Standard().NotFound();

        audit.MapPost("/export", Handler(context => ApiCall.RunAsync(context, adminRoute: true, async principal =>
            {
                var body = await ApiParsing.BodyAsync<AuditExportRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
                var query = ApiParsing.AuditQuery(principal.TenantId, body);
                var job = await ApiCall.Service<IExportJobService>(context)
                    .CreateAuditCsvJobAsync(query, principal, ApiCall.Metadata(context), context.RequestAborted).ConfigureAwait(false);
                return TypedResults.Accepted(context.Request.PathBase + context.Request.Path + "/" + Uri.EscapeDataString(job.Id), ExportJobDto.From(job));
            })))
            .WithName("ExportKit.CreateAuditExport").WithSummary("Queue a CSV export of the tenant's audit events (owner and admin).")
            .Accepts<AuditExportRequest>(isOptional: true, "application/json")
            .Produces<ExportJobDto>(StatusCodes.Status202Accepted).Standard();

        audit.MapGet("/export/{id}", (HttpContext context, string id) => ApiCall.RunAsync(context, adminRoute: true, principal =>
                GetJobAsync(context, id, principal, ExportJobKind.AuditCsv)))
            .WithName("ExportKit.GetAuditExport").WithSummary("Get an audit CSV export job's status (owner and admin).")
            .Produces<ExportJobDto>().Standard().NotFound();

        audit.MapGet("/export/{id}/download", (HttpContext context, string id) => ApiCall.RunAsync(context, adminRoute: true, principal =>
                DownloadAsync(context, id, principal, ExportJobKind.AuditCsv)))
            .WithName("ExportKit.DownloadAuditExport").WithSummary("Download an audit CSV export's file (owner and admin).")
            .Download();

        audit.MapGet("/exports", Handler(context => ApiCall.RunAsync(context, adminRoute: true, principal => ListJobsAsync(context, principal))))
            .WithName("ExportKit.ListAuditExports").WithSummary("List the tenant's export jobs, newest first (owner and admin).")
            .Produces<ExportJobListDto>().Standard();
    }

    private static void MapExports(RouteGroupBuilder exports)
    {
        exports.MapGet("/visibility", Handler(context => ApiCall.RunAsync(context, adminRoute: false, principal =>
                Task.FromResult(TypedResults.Ok(VisibilityReport.For(
                    principal, ApiCall.Service<IExportCatalog>(context), ApiCall.Service<IExportPolicyEngine>(context), ApiCall.Service<TimeProvider>(context)))))))
            .WithName("ExportKit.ExportVisibility").WithSummary("The categories and formats the caller may export, with the policy's violations for the others.")
            .Produces<VisibilityDto>().Standard();

        exports.MapPost("/", Handler(context => ApiCall.RunAnyAsync(context, async principal =>
            {
                var body = await ApiParsing.BodyAsync<CreateExportRequest>(context.Request, context.RequestAborted).ConfigureAwait(false)
                    ?? throw new BadParameterException("body", "Send a JSON object with category and format.");
                var query = BundleQuery(ApiCall.Service<IExportCatalog>(context), principal, body) with { Request = ApiCall.Metadata(context) };
                if (ApiParsing.Direct(body.Delivery, ApiCall.Options(context).AllowDirectExports))
                {
                    return await DirectExport.RunAsync(context, query, principal, ApiCall.Options(context)).ConfigureAwait(false);
                }

                var job = await ApiCall.Service<IExportJobService>(context).CreateBundleJobAsync(query, principal, context.RequestAborted).ConfigureAwait(false);
                return (IResult)TypedResults.Accepted(context.Request.PathBase + context.Request.Path.Value?.TrimEnd('/') + "/" + Uri.EscapeDataString(job.Id), ExportJobDto.From(job));
            })))
            .WithName("ExportKit.CreateExport")
            .WithSummary("Queue a bundle export of a category in a format; the export policy decides now. With \"delivery\": \"direct\" and a host that allows it, the file is the response.")
            .Accepts<CreateExportRequest>("application/json")
            .Produces<ExportJobDto>(StatusCodes.Status202Accepted)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Standard();

        exports.MapGet("/history", Handler(context => ApiCall.RunAsync(context, adminRoute: false, async principal =>
            {
                var take = ApiParsing.Int(context.Request.Query, "take") ?? 10;
                if (take is < 1 or > MaxHistory)
                {
                    throw new BadParameterException("take", FormattableString.Invariant($"take {take} is out of range: ask for 1 to {MaxHistory} exports."));
                }

                var history = await ApiCall.Service<IExportLogStore>(context).GetHistoryAsync(principal.TenantId, take, context.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(history);
            })))
            .WithName("ExportKit.ExportHistory").WithSummary("The tenant's most recent generated exports (take, default 10).")
            .Produces<IReadOnlyList<ExportGeneratedEntry>>().Standard();

        exports.MapGet("/stats", Handler(context => ApiCall.RunAsync(context, adminRoute: false, async principal =>
            {
                var now = ApiCall.Service<TimeProvider>(context).GetUtcNow();
                var stats = await ApiCall.Service<IExportLogStore>(context).GetStatisticsAsync(now, principal.TenantId, context.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(stats);
            })))
            .WithName("ExportKit.ExportStats").WithSummary("The tenant's export statistics with 24-hour trends.")
            .Produces<ExportStatistics>().Standard();

        exports.MapGet("/{id}", (HttpContext context, string id) => ApiCall.RunAsync(context, adminRoute: false, principal =>
                GetJobAsync(context, id, principal, ExportJobKind.Bundle)))
            .WithName("ExportKit.GetExport").WithSummary("Get a bundle export job's status.")
            .Produces<ExportJobDto>().Standard().NotFound();

        exports.MapGet("/{id}/download", (HttpContext context, string id) => ApiCall.RunAsync(context, adminRoute: false, principal =>
                DownloadAsync(context, id, principal, ExportJobKind.Bundle)))
            .WithName("ExportKit.DownloadExport").WithSummary("Download a bundle export's file.")
            .Download();
    }

    private static ExportQuery BundleQuery(IExportCatalog catalog, ExportPrincipal principal, CreateExportRequest body)
    {
        var category = catalog.Categories.FirstOrDefault(c => string.Equals(c.Value, body.Category, StringComparison.Ordinal))
            ?? throw new BadParameterException("category", $"category '{body.Category}' is unknown: use one of {string.Join(", ", catalog.Categories)}.");
        var format = catalog.Formats.FirstOrDefault(f => string.Equals(f.Value, body.Format, StringComparison.Ordinal))
            ?? throw new BadParameterException("format", $"format '{body.Format}' is unknown: use one of {string.Join(", ", catalog.Formats)}.");
        var start = ApiParsing.Date("startDate", body.StartDate);
        var end = ApiParsing.Date("endDate", body.EndDate);
        ExportTimeRange? range = null;
        if (start is not null || end is not null)
        {
            if (start is null || end is null)
            {
                throw new BadParameterException(start is null ? "startDate" : "endDate", "Give both startDate and endDate, or neither.");
            }

            range = end <= start
                ? throw new BadParameterException("endDate", "endDate is not after startDate: give an end after the start.")
                : new ExportTimeRange(start.Value, end.Value);
        }

        ExportScope scope;
        try
        {
            scope = new ExportScope(principal.TenantId, body.FacilityId, body.FederationId);
        }
        catch (ArgumentException e)
        {
            throw new BadParameterException(e.ParamName ?? "facilityId", e.Message);
        }

        return new ExportQuery(category, format, scope, principal.UserId) { TimeRange = range };
    }

    private static async Task<Ok<ExportJobDto>> GetJobAsync(HttpContext context, string id, ExportPrincipal principal, ExportJobKind kind)
    {
        var job = await FindJobAsync(context, id, principal, kind).ConfigureAwait(false);
        return TypedResults.Ok(ExportJobDto.From(job));
    }

    private static async Task<DownloadResult> DownloadAsync(HttpContext context, string id, ExportPrincipal principal, ExportJobKind kind)
    {
        _ = await FindJobAsync(context, id, principal, kind).ConfigureAwait(false);
        var download = await ApiCall.Service<IExportJobService>(context)
            .OpenDownloadAsync(id, principal, ApiCall.Metadata(context), context.RequestAborted).ConfigureAwait(false);
        return new DownloadResult(download);
    }

    private static async Task<ExportJob> FindJobAsync(HttpContext context, string id, ExportPrincipal principal, ExportJobKind kind)
    {
        var job = await ApiCall.Service<IExportJobService>(context).GetAsync(id, principal, context.RequestAborted).ConfigureAwait(false);
        return job.Kind == kind ? job : throw new ExportJobException(ExportJobErrorCodes.NotFound, JobNotFound) { JobId = id };
    }

    private static async Task<Ok<ExportJobListDto>> ListJobsAsync(HttpContext context, ExportPrincipal principal)
    {
        var limit = ApiParsing.Int(context.Request.Query, "limit") ?? 50;
        var offset = ApiParsing.Int(context.Request.Query, "offset") ?? 0;
        var jobs = await ApiCall.Service<IExportJobService>(context).ListAsync(principal, limit, offset, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ExportJobListDto([.. jobs.Select(ExportJobDto.From)], limit, offset));
    }

    /// <summary>Types a handler that takes only the context as a route handler whose result is written (not a <see cref="RequestDelegate"/>).</summary>
    private static Delegate Handler<TResult>(Func<HttpContext, Task<TResult>> handler) => handler;

    private static RouteHandlerBuilder Standard(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    private static RouteHandlerBuilder NotFound(this RouteHandlerBuilder builder) => builder.ProducesProblem(StatusCodes.Status404NotFound);

    private static RouteHandlerBuilder Download(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
        .Standard()
        .NotFound()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status410Gone);
}

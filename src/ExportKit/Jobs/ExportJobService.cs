using ExportKit.Audit;
using Microsoft.Extensions.Options;

namespace ExportKit.Jobs;

/// <summary>
/// Seed 003's export jobs: creation (access and policy decided then, <c>audit.export.requested</c> recorded), status,
/// list and cancel here; downloads in <c>ExportJobService.Download.cs</c>; who may do what in <c>ExportJobService.Access.cs</c>.
/// </summary>
internal sealed partial class ExportJobService(
    IExportJobStore store,
    IExportFileStore files,
    IExportPolicyEngine policy,
    IExportLogStore log,
    IAuditTrail auditTrail,
    IExportEngine engine,
    IExportCatalog catalog,
    IExportIdGenerator ids,
    TimeProvider time,
    IOptions<ExportJobOptions> jobOptions,
    IOptions<ExportKitOptions> kitOptions) : IExportJobService
{
    private readonly ExportJobOptions options = jobOptions.Value;

    public async Task<ExportJob> CreateAuditCsvJobAsync(AuditQuery query, ExportPrincipal principal, RequestMetadata? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principal);
        query.Validate();
        if (!principal.HasPermission(AuditPermissions.ExportCreate))
        {
            throw Forbidden(principal, AuditPermissions.ExportCreate, "creating an audit export job");
        }

        if (!string.Equals(query.TenantId, principal.TenantId, StringComparison.Ordinal))
        {
            throw new ExportJobException(
                ExportJobErrorCodes.Forbidden,
                $"User {principal.UserId} belongs to tenant {principal.TenantId} and may export only its audit log, not tenant {query.TenantId}'s. Build the query with the principal's tenant: new AuditQuery(principal.TenantId).");
        }

        var job = NewJob(ExportJobKind.AuditCsv, principal, ExportJobFilters.Write(query, principal));
        await store.AddAsync(job, cancellationToken).ConfigureAwait(false);
        await RecordRequestedAsync(job, request, new
        {
            jobId = job.Id,
            kind = "audit-csv",
            filters = new { severity = query.Severity?.ToString(), actorType = query.ActorType?.ToString(), eventType = query.EventType, startDate = query.StartDate, endDate = query.EndDate, search = query.Search },
        }).ConfigureAwait(false);
        return job;
    }

    public async Task<ExportJob> CreateBundleJobAsync(ExportQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principal);
        if (!string.Equals(query.RequestedBy, principal.UserId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The query is requested by '{query.RequestedBy}' but the principal is '{principal.UserId}': a query's RequestedBy must be the principal's user id.", nameof(query));
        }

        // Refused now, not when a worker runs the job: a job that cannot run is no job.
        if (!catalog.Categories.Contains(query.Category))
        {
            throw new ExportJobException(ExportJobErrorCodes.InvalidFilter, $"Unknown export category '{query.Category}'; no job was created. Categories: {string.Join(", ", catalog.Categories.Select(c => c.Value))}.");
        }

        if (!catalog.Formats.Contains(query.Format))
        {
            throw new ExportJobException(ExportJobErrorCodes.InvalidFilter, $"No formatter serves format '{query.Format}'; no job was created. Formats: {string.Join(", ", catalog.Formats.Select(f => f.Value))}.");
        }

        var now = time.GetUtcNow();
        var timeRange = query.TimeRange ?? ExportTimeRange.LastDays(now, kitOptions.Value.DefaultTimeRangeDays);
        var queryId = query.QueryId ?? ids.NewId("qry");
        var decision = policy.Evaluate(query, principal, timeRange);
        await log.AppendAsync(
            new PolicyDecisionEntry
            {
                Timestamp = now,
                TenantId = query.Scope.TenantId,
                FacilityId = query.Scope.FacilityId,
                FederationId = query.Scope.FederationId,
                QueryId = queryId,
                Decision = decision,
                RequestedBy = principal.UserId,
            },
            cancellationToken).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            throw new ExportJobException(ExportJobErrorCodes.PolicyDenied, $"Export denied by policy, no job was created: {decision.Reason.TrimEnd('.')}. Ask for what the policy allows, or get the permission it names.")
            {
                Violations = decision.Violations,
            };
        }

        var job = NewJob(ExportJobKind.Bundle, principal, ExportJobFilters.Write(query, timeRange, queryId, principal));
        await store.AddAsync(job, cancellationToken).ConfigureAwait(false);
        await RecordRequestedAsync(job, query.Request, new
        {
            jobId = job.Id,
            kind = "bundle",
            queryId,
            filters = new { category = query.Category.Value, format = query.Format.Value, facilityId = query.Scope.FacilityId, startDate = timeRange.Start, endDate = timeRange.End, runId = query.RunId },
        }).ConfigureAwait(false);
        return job;
    }

    public async Task<ExportJob> GetAsync(string jobId, ExportPrincipal principal, CancellationToken cancellationToken = default) =>
        await FindForAsync(jobId, principal, AuditPermissions.ExportStatus, "viewing an export job's status", cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ExportJob>> ListAsync(ExportPrincipal principal, int limit = 50, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ExportJobChecks.ThrowIfBadPage(limit, offset);
        string? onlyUser = null;
        if (!principal.HasPermission(AuditPermissions.ExportList))
        {
            onlyUser = options.AllowCreatorAccess ? principal.UserId : throw Forbidden(principal, AuditPermissions.ExportList, "listing export jobs");
        }

        var jobs = new List<ExportJob>();
        await foreach (var job in store.ListAsync(principal.TenantId, onlyUser, limit, offset, cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(job);
        }

        return jobs;
    }

    public async Task<ExportJob> CancelAsync(string jobId, ExportPrincipal principal, RequestMetadata? request = null, CancellationToken cancellationToken = default)
    {
        var job = await FindForAsync(jobId, principal, AuditPermissions.ExportCreate, "cancelling an export job", cancellationToken).ConfigureAwait(false);
        var after = await store.CancelAsync(job.TenantId, job.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(jobId, principal);
        if (after.Status != job.Status || after.CancelRequested != job.CancelRequested)
        {
            await RecordCancelledAsync(after, principal, request).ConfigureAwait(false);
        }

        return after;
    }

    private ExportJob NewJob(ExportJobKind kind, ExportPrincipal principal, string filtersJson) => new()
    {
        Id = ids.NewId("job"),
        Kind = kind,
        TenantId = principal.TenantId,
        UserId = principal.UserId,
        Status = ExportJobStatus.Queued,
        FiltersJson = filtersJson,
        CreatedAt = time.GetUtcNow(),
    };

    // Not cancellable: the job is changed, so who cancelled it must be on record (a second request that changes nothing
    // records nothing).
    private async Task RecordCancelledAsync(ExportJob job, ExportPrincipal principal, RequestMetadata? request) =>
        await auditTrail.RecordAsync(
            new AuditEventDraft
            {
                EventType = AuditEventTypes.ExportCancelled,
                TenantId = job.TenantId,
                UserId = principal.UserId,
                ResourceType = "export-job",
                ResourceId = job.Id,
                Request = request,
                Context = new Dictionary<string, object?>
                {
                    ["status"] = job.Status == ExportJobStatus.Cancelled ? "cancelled" : "cancel-requested",
                    ["kind"] = job.Kind == ExportJobKind.AuditCsv ? "audit-csv" : "bundle",
                },
            },
            CancellationToken.None).ConfigureAwait(false);

    // Not cancellable: the job is stored, so its request must be on record.
    private async Task RecordRequestedAsync(ExportJob job, RequestMetadata? request, object context) =>
        await auditTrail.RecordAsync(
            new AuditEventDraft
            {
                EventType = AuditEventTypes.ExportRequested,
                TenantId = job.TenantId,
                UserId = job.UserId,
                ResourceType = "export-job",
                ResourceId = job.Id,
                Request = request,
                Context = context,
            },
            CancellationToken.None).ConfigureAwait(false);
}

namespace ExportKit.Jobs;

/// <summary>
/// Who may reach a job: seed 003's table (owner and admin hold the <c>audit:export:*</c> permissions, member and viewer
/// get "Admin role required"), or the job's own user when <see cref="ExportJobOptions.AllowCreatorAccess"/> is set.
/// Only the principal's tenant is searched, so another tenant's job is "not found", never "forbidden".
/// </summary>
internal sealed partial class ExportJobService
{
    private async Task<ExportJob> FindForAsync(string jobId, ExportPrincipal principal, string permission, string action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(principal);
        var allowed = principal.HasPermission(permission);
        if (!allowed && !options.AllowCreatorAccess)
        {
            // Refused before the lookup: a caller without access learns nothing about which jobs exist.
            throw Forbidden(principal, permission, action);
        }

        var job = await store.FindAsync(principal.TenantId, jobId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(jobId, principal);
        if (!allowed && !string.Equals(job.UserId, principal.UserId, StringComparison.Ordinal))
        {
            throw Forbidden(principal, permission, action);
        }

        return job;
    }

    private static ExportJobException Forbidden(ExportPrincipal principal, string permission, string action) => new(
        ExportJobErrorCodes.Forbidden,
        $"Admin role required: user {principal.UserId} lacks the {permission} permission that {action} needs (roles owner and admin hold it).");

    private static ExportJobException NotFound(string jobId, ExportPrincipal principal) => new(
        ExportJobErrorCodes.NotFound,
        $"Tenant {principal.TenantId} has no export job {jobId}: check the id (ListAsync shows the tenant's jobs).")
    { JobId = jobId };
}

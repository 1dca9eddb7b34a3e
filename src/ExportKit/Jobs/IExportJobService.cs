namespace ExportKit.Jobs;

/// <summary>
/// Export jobs with seed 003's rules, every call made for a principal. Creation decides access and policy at once
/// (a refused request makes no job), records <c>audit.export.requested</c> and returns the queued job; a worker
/// (<see cref="IExportJobProcessor"/>) writes the file. Status, list, download and cancel are for the tenant's owner
/// and admin (the <c>audit:export:*</c> permissions of <c>RolePermissionMap.AuditGovernance</c>), or for the job's own
/// user when <see cref="ExportJobOptions.AllowCreatorAccess"/> is set; another tenant's job does not exist for the caller.
/// </summary>
/// <remarks>
/// It lives in ExportKit, not Abstractions: hosts call it rather than implement it, and its options, errors and the
/// worker it hands work to are ExportKit's. Abstractions keeps what plug-ins implement (the job store).
/// </remarks>
public interface IExportJobService
{
    /// <summary>Queues an export of the audit trail as CSV. Needs <c>audit:export:create</c> (owner, admin).</summary>
    /// <param name="query">The filters; its tenant must be the principal's (limit and offset are ignored: the whole result is exported).</param>
    /// <param name="principal">Who asks; the job runs with this principal's permissions.</param>
    /// <param name="request">Where the request came from, recorded in the <c>audit.export.requested</c> event; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued job.</returns>
    /// <exception cref="ArgumentException">The query is malformed; the message names the field.</exception>
    /// <exception cref="ExportJobException"><see cref="ExportJobErrorCodes.Forbidden"/>: the principal lacks the permission or names another tenant.</exception>
    Task<ExportJob> CreateAuditCsvJobAsync(AuditQuery query, ExportPrincipal principal, RequestMetadata? request = null, CancellationToken cancellationToken = default);

    /// <summary>Queues a bundle export (any category and format). The export policy decides now; the decision is logged either way.</summary>
    /// <param name="query">What to export; requested by the principal, with the principal's tenant as its scope's.</param>
    /// <param name="principal">Who asks; the job runs with this principal's roles and permissions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued job.</returns>
    /// <exception cref="ArgumentException">The query is not the principal's (requester or tenant).</exception>
    /// <exception cref="ExportJobException"><see cref="ExportJobErrorCodes.PolicyDenied"/> with the violations; no job was made.</exception>
    Task<ExportJob> CreateBundleJobAsync(ExportQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Gets a job of the principal's tenant (seed 003's "view export status").</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="principal">Who asks.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ExportJobException"><see cref="ExportJobErrorCodes.NotFound"/> or <see cref="ExportJobErrorCodes.Forbidden"/>.</exception>
    Task<ExportJob> GetAsync(string jobId, ExportPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Lists the principal's tenant's jobs, newest first (only their own when they are not owner or admin and creator access is allowed).</summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="limit">How many at most, from 1 to 1000.</param>
    /// <param name="offset">How many to skip, not negative.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The jobs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit or offset is out of range.</exception>
    /// <exception cref="ExportJobException"><see cref="ExportJobErrorCodes.Forbidden"/>.</exception>
    Task<IReadOnlyList<ExportJob>> ListAsync(ExportPrincipal principal, int limit = 50, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a succeeded job's file: checks access, that the job succeeded and has not expired, and that the file still
    /// has its recorded SHA-256; then logs <c>export-downloaded</c> and audits <c>export.downloaded</c>.
    /// </summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="principal">Who downloads.</param>
    /// <param name="request">Where the request came from, recorded in the audit event; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The open file; dispose it.</returns>
    /// <exception cref="ExportJobException">
    /// <see cref="ExportJobErrorCodes.NotFound"/>, <see cref="ExportJobErrorCodes.Forbidden"/>, <see cref="ExportJobErrorCodes.NotReady"/>,
    /// <see cref="ExportJobErrorCodes.Expired"/> or <see cref="ExportJobErrorCodes.FileChanged"/>; nothing is served or recorded.
    /// </exception>
    Task<ExportJobDownload> OpenDownloadAsync(string jobId, ExportPrincipal principal, RequestMetadata? request = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels a job: a queued one at once, a processing one when its worker next heartbeats; an ended one is returned as it is.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="principal">Who cancels (needs <c>audit:export:create</c>, or creator access).</param>
    /// <param name="request">Where the request came from, for the <c>audit.export.cancelled</c> event a change records.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job after the change.</returns>
    /// <exception cref="ExportJobException"><see cref="ExportJobErrorCodes.NotFound"/> or <see cref="ExportJobErrorCodes.Forbidden"/>.</exception>
    Task<ExportJob> CancelAsync(string jobId, ExportPrincipal principal, RequestMetadata? request = null, CancellationToken cancellationToken = default);
}

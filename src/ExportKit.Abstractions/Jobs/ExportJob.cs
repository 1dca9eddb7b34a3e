namespace ExportKit;

/// <summary>
/// One export job: seed 003's <c>audit_exports</c> columns (id, tenant, user, status, filters, file path, file size, row
/// count, error message, started, completed, expires and created at) and what a real queue needs (kind, attempts,
/// progress, the file's SHA-256, cancellation, the lease). A store returns a new instance for every change.
/// </summary>
public sealed class ExportJob
{
    /// <summary>Gets the job's id (<c>job_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets what the job writes.</summary>
    public required ExportJobKind Kind { get; init; }

    /// <summary>Gets the tenant (seed 003's organisation) the job belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the user who created the job.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the status.</summary>
    public required ExportJobStatus Status { get; init; }

    /// <summary>Gets the query the job runs, as JSON (an audit query for <see cref="ExportJobKind.AuditCsv"/>, an export query for <see cref="ExportJobKind.Bundle"/>).</summary>
    public required string FiltersJson { get; init; }

    /// <summary>Gets when the job was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when a worker first started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets when it ended (success, failure or cancellation).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets when its file expires (success only).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets where the file is kept, as the file store names it (success only).</summary>
    public string? FilePath { get; init; }

    /// <summary>Gets the file's size in bytes (success only).</summary>
    public long? FileSizeBytes { get; init; }

    /// <summary>Gets how many rows (audit events) or items the file holds (success only).</summary>
    public long? RowCount { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the file, checked again at every download (success only).</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets the export's id, for a bundle job that succeeded.</summary>
    public string? ExportId { get; init; }

    /// <summary>Gets the stable error code of a failed job (see <see cref="ExportErrorCodes"/>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets what went wrong, for a failed job, or the last transient failure of a job that will be retried.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets how many times a worker has claimed the job.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets how many rows or items have been written so far.</summary>
    public long Progress { get; init; }

    /// <summary>Gets a value indicating whether cancellation was asked while the job was processing; its worker stops.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>Gets the worker holding the job's lease while it is processing.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>Gets when the lease runs out; another worker may then take the job over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Gets the earliest time a queued job may be claimed (a retry waits out its backoff).</summary>
    public DateTimeOffset? NotBefore { get; init; }
}

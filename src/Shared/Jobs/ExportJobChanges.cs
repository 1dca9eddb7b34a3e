namespace ExportKit.Jobs;

/// <summary>The new state of a job after each transition, the same for every store.</summary>
internal static class ExportJobChanges
{
    public static ExportJob Claimed(ExportJob job, string workerId, DateTimeOffset now, TimeSpan lease) => Copy(job, j => j with
    {
        Status = ExportJobStatus.Processing,
        LeaseOwner = workerId,
        LeaseExpiresAt = now + lease,
        Attempts = job.Attempts + 1,
        StartedAt = job.StartedAt ?? now,
        NotBefore = null,
    });

    public static ExportJob Renewed(ExportJob job, DateTimeOffset now, TimeSpan lease, long progress) => Copy(job, j => j with
    {
        LeaseExpiresAt = now + lease,
        Progress = Math.Max(job.Progress, progress),
    });

    public static ExportJob Finished(ExportJob job, ExportJobOutcome outcome) => Copy(job, j => outcome.Status switch
    {
        ExportJobStatus.Success => j with
        {
            Status = ExportJobStatus.Success, CompletedAt = outcome.At, FilePath = outcome.FilePath, FileSizeBytes = outcome.FileSizeBytes,
            RowCount = outcome.RowCount, Progress = outcome.RowCount ?? j.Progress, Sha256 = outcome.Sha256, ExpiresAt = outcome.ExpiresAt,
            ExportId = outcome.ExportId, ErrorCode = null, ErrorMessage = null, LeaseOwner = null, LeaseExpiresAt = null,
        },
        ExportJobStatus.Failed => j with
        {
            Status = ExportJobStatus.Failed, CompletedAt = outcome.At, ErrorCode = outcome.ErrorCode, ErrorMessage = outcome.ErrorMessage,
            LeaseOwner = null, LeaseExpiresAt = null,
        },
        ExportJobStatus.Cancelled => j with { Status = ExportJobStatus.Cancelled, CompletedAt = outcome.At, LeaseOwner = null, LeaseExpiresAt = null },
        _ => j with
        {
            Status = ExportJobStatus.Queued, NotBefore = outcome.At, ErrorMessage = outcome.ErrorMessage ?? j.ErrorMessage, LeaseOwner = null, LeaseExpiresAt = null,
            Attempts = outcome.CountsAsAttempt ? j.Attempts : Math.Max(0, j.Attempts - 1),
        },
    });

    public static ExportJob CancelAsked(ExportJob job, DateTimeOffset now) => job.Status switch
    {
        ExportJobStatus.Queued => Copy(job, j => j with { Status = ExportJobStatus.Cancelled, CompletedAt = now, CancelRequested = true, NotBefore = null }),
        ExportJobStatus.Processing => Copy(job, j => j with { CancelRequested = true }),
        _ => job,
    };

    public static ExportJob Expired(ExportJob job) => Copy(job, j => j with { Status = ExportJobStatus.Expired });

    // ExportJob is a class (its public API has no record members); changes go through this private record copy.
    private static ExportJob Copy(ExportJob job, Func<State, State> change) => change(State.Of(job)).ToJob();

    private sealed record State(
        string Id, ExportJobKind Kind, string TenantId, string UserId, ExportJobStatus Status, string FiltersJson, DateTimeOffset CreatedAt,
        DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset? ExpiresAt, string? FilePath, long? FileSizeBytes, long? RowCount,
        string? Sha256, string? ExportId, string? ErrorCode, string? ErrorMessage, int Attempts, long Progress, bool CancelRequested,
        string? LeaseOwner, DateTimeOffset? LeaseExpiresAt, DateTimeOffset? NotBefore)
    {
        public static State Of(ExportJob j) => new(
            j.Id, j.Kind, j.TenantId, j.UserId, j.Status, j.FiltersJson, j.CreatedAt, j.StartedAt, j.CompletedAt, j.ExpiresAt, j.FilePath,
            j.FileSizeBytes, j.RowCount, j.Sha256, j.ExportId, j.ErrorCode, j.ErrorMessage, j.Attempts, j.Progress, j.CancelRequested,
            j.LeaseOwner, j.LeaseExpiresAt, j.NotBefore);

        public ExportJob ToJob() => new()
        {
            Id = Id, Kind = Kind, TenantId = TenantId, UserId = UserId, Status = Status, FiltersJson = FiltersJson, CreatedAt = CreatedAt,
            StartedAt = StartedAt, CompletedAt = CompletedAt, ExpiresAt = ExpiresAt, FilePath = FilePath, FileSizeBytes = FileSizeBytes,
            RowCount = RowCount, Sha256 = Sha256, ExportId = ExportId, ErrorCode = ErrorCode, ErrorMessage = ErrorMessage, Attempts = Attempts,
            Progress = Progress, CancelRequested = CancelRequested, LeaseOwner = LeaseOwner, LeaseExpiresAt = LeaseExpiresAt, NotBefore = NotBefore,
        };
    }
}

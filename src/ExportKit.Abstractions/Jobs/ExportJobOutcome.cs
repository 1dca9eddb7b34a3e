namespace ExportKit;

/// <summary>How a worker ends, or hands back, the job it holds (<see cref="IExportJobStore.FinishAsync"/>).</summary>
public sealed class ExportJobOutcome
{
    private ExportJobOutcome(ExportJobStatus status, DateTimeOffset at)
    {
        Status = status;
        At = at;
    }

    /// <summary>Gets the status the job takes: success, failed, cancelled, or queued again (a retry or a hand-back).</summary>
    public ExportJobStatus Status { get; }

    /// <summary>Gets when it ended; for a retry, the earliest time it may be claimed again.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Gets the file's path as the file store names it (success).</summary>
    public string? FilePath { get; private init; }

    /// <summary>Gets the file's size (success).</summary>
    public long? FileSizeBytes { get; private init; }

    /// <summary>Gets the rows or items written (success).</summary>
    public long? RowCount { get; private init; }

    /// <summary>Gets the file's SHA-256 (success).</summary>
    public string? Sha256 { get; private init; }

    /// <summary>Gets the export's id (a bundle job's success).</summary>
    public string? ExportId { get; private init; }

    /// <summary>Gets when the file expires (success).</summary>
    public DateTimeOffset? ExpiresAt { get; private init; }

    /// <summary>Gets a value indicating whether the claim that ends here counts as an attempt; a graceful hand-back does not.</summary>
    public bool CountsAsAttempt { get; private init; } = true;

    /// <summary>Gets the error code (failure).</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>Gets the message (failure, or the transient failure of a retry).</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>The file is written and in place.</summary>
    /// <param name="at">When.</param>
    /// <param name="filePath">The file's path in the file store.</param>
    /// <param name="fileSizeBytes">Its size.</param>
    /// <param name="rowCount">The rows or items it holds.</param>
    /// <param name="sha256">Its lower-case hex SHA-256.</param>
    /// <param name="expiresAt">When it expires.</param>
    /// <param name="exportId">The export's id, for a bundle job.</param>
    /// <returns>The outcome.</returns>
    public static ExportJobOutcome Succeeded(DateTimeOffset at, string filePath, long fileSizeBytes, long rowCount, string sha256, DateTimeOffset expiresAt, string? exportId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentOutOfRangeException.ThrowIfNegative(fileSizeBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException($"'{sha256}' is not a SHA-256: give the file's digest as 64 lower-case hex digits.", nameof(sha256));
        }

        return new(ExportJobStatus.Success, at) { FilePath = filePath, FileSizeBytes = fileSizeBytes, RowCount = rowCount, Sha256 = sha256, ExpiresAt = expiresAt, ExportId = exportId };
    }

    /// <summary>The job failed for good.</summary>
    /// <param name="at">When.</param>
    /// <param name="errorCode">A stable code (see <see cref="ExportErrorCodes"/>).</param>
    /// <param name="message">What went wrong.</param>
    /// <returns>The outcome.</returns>
    public static ExportJobOutcome Failed(DateTimeOffset at, string errorCode, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(ExportJobStatus.Failed, at) { ErrorCode = errorCode, ErrorMessage = message };
    }

    /// <summary>The job was cancelled while it ran.</summary>
    /// <param name="at">When.</param>
    /// <returns>The outcome.</returns>
    public static ExportJobOutcome Cancelled(DateTimeOffset at) => new(ExportJobStatus.Cancelled, at);

    /// <summary>The job goes back to the queue — a transient failure to retry after a backoff, or a worker shutting down.</summary>
    /// <param name="notBefore">The earliest time it may be claimed again.</param>
    /// <param name="message">Why, or <see langword="null"/> for a graceful hand-back.</param>
    /// <returns>The outcome.</returns>
    public static ExportJobOutcome Requeued(DateTimeOffset notBefore, string? message = null) => new(ExportJobStatus.Queued, notBefore) { ErrorMessage = message };

    /// <summary>
    /// The worker is shutting down gracefully and hands the job back untried: it is queued at once, and the claim does
    /// not count as an attempt (restarting workers must not use up a job's attempts).
    /// </summary>
    /// <param name="at">When.</param>
    /// <returns>The outcome.</returns>
    public static ExportJobOutcome HandedBack(DateTimeOffset at) => new(ExportJobStatus.Queued, at) { CountsAsAttempt = false };
}

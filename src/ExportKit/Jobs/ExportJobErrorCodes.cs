namespace ExportKit.Jobs;

/// <summary>The stable codes of <see cref="ExportJobException"/>; a host maps them to its responses (HTTP 404, 403, 409, 410…).</summary>
public static class ExportJobErrorCodes
{
    /// <summary>The caller's tenant has no job of that id (another tenant's job does not exist for the caller): <c>not-found</c>.</summary>
    public const string NotFound = "not-found";

    /// <summary>The principal may not do this (seed 003: "Admin role required"): <c>forbidden</c>.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>Policy denied a bundle job; no job was made, the violations say why: <c>policy-denied</c>.</summary>
    public const string PolicyDenied = "policy-denied";

    /// <summary>The job has not succeeded (queued, processing, failed or cancelled), so there is nothing to download: <c>not-ready</c>.</summary>
    public const string NotReady = "not-ready";

    /// <summary>The job's file expired and was (or will be) removed; the record is kept: <c>expired</c>.</summary>
    public const string Expired = "expired";

    /// <summary>The file on disk is missing or no longer has the SHA-256 recorded when it was written; nothing is served: <c>file-changed</c>.</summary>
    public const string FileChanged = "file-changed";

    /// <summary>A job's stored filters cannot be read back (a job failed with it): <c>invalid-filter</c>.</summary>
    public const string InvalidFilter = "invalid-filter";

    /// <summary>A job's <see cref="ExportJob.ErrorCode"/> when it was claimed more than <see cref="ExportJobOptions.MaxAttempts"/> times without ending (its workers were killed or stopped while running it): <c>abandoned</c>.</summary>
    public const string Abandoned = "abandoned";
}

namespace ExportKit.Jobs;

/// <summary>The rules every job store applies the same way: what may be added, claimed, and who holds a job.</summary>
internal static class ExportJobChecks
{
    public const int MaxPage = 1000;

    public static void ThrowIfInvalidNew(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Id, nameof(job));
        ArgumentException.ThrowIfNullOrWhiteSpace(job.TenantId, nameof(job));
        ArgumentException.ThrowIfNullOrWhiteSpace(job.UserId, nameof(job));
        ArgumentException.ThrowIfNullOrWhiteSpace(job.FiltersJson, nameof(job));
        try
        {
            using var filters = System.Text.Json.JsonDocument.Parse(job.FiltersJson);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ArgumentException($"Export job {job.Id}'s filters are not JSON ({ex.Message}): give the query as a JSON object.", nameof(job), ex);
        }

        if (job.Status != ExportJobStatus.Queued || job.LeaseOwner is not null || job.Attempts != 0)
        {
            throw new ArgumentException($"Export job {job.Id} is {job.Status} with {job.Attempts} attempt(s): a new job is queued, unclaimed and unattempted.", nameof(job));
        }
    }

    public static void ThrowIfBadPage(int limit, int offset)
    {
        if (limit is < 1 or > MaxPage)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The limit is {limit}; it must be from 1 to {MaxPage}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
    }

    public static bool IsClaimable(ExportJob job, DateTimeOffset now) => job.Status switch
    {
        ExportJobStatus.Queued => job.NotBefore is null || job.NotBefore <= now,
        ExportJobStatus.Processing => job.LeaseExpiresAt < now,
        _ => false,
    };

    public static bool IsHeldBy(ExportJob job, string workerId) =>
        job.Status == ExportJobStatus.Processing && string.Equals(job.LeaseOwner, workerId, StringComparison.Ordinal);
}

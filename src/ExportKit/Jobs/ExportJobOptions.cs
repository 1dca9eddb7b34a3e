namespace ExportKit.Jobs;

/// <summary>
/// Options of export jobs: where their files are kept and for how long, who may reach a job, and how the worker claims,
/// runs, retries and cleans up. Validated at start-up, every problem listed.
/// </summary>
public sealed class ExportJobOptions
{
    /// <summary>
    /// Gets or sets the directory the local file store keeps job files in (seed 003's <c>AUDIT_EXPORT_STORAGE_DIR</c>;
    /// a host maps that variable here: <c>o.StorageDirectory = Environment.GetEnvironmentVariable("AUDIT_EXPORT_STORAGE_DIR") ?? …</c>).
    /// Created when missing.
    /// </summary>
    /// <value>The default value is <c>audit_exports</c> in the system's temporary directory, as the seed's <c>/tmp/audit_exports</c>.</value>
    public string StorageDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "audit_exports");

    /// <summary>Gets or sets how long a job's file can be downloaded after it succeeded; then it expires and is removed.</summary>
    /// <value>The default value is 24 hours (seed 003); it must be positive.</value>
    public TimeSpan FileLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets a value indicating whether the user who created a job may follow, download and cancel it (and list
    /// their own jobs) without the <c>audit:export:*</c> permissions of owner and admin.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: seed 003's table, owner and admin only.</value>
    public bool AllowCreatorAccess { get; set; }

    /// <summary>Gets or sets how many jobs one worker runs at once (its slots).</summary>
    /// <value>The default value is 1; it must be from 1 to 64.</value>
    public int Concurrency { get; set; } = 1;

    /// <summary>Gets or sets how long a claim holds without a heartbeat; a killed worker's job is taken over after it.</summary>
    /// <value>The default value is 2 minutes; it must be positive and longer than <see cref="HeartbeatInterval"/>.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how often a running job's lease is renewed and its progress recorded.</summary>
    /// <value>The default value is 30 seconds; it must be positive and shorter than <see cref="LeaseDuration"/>.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many times a job may be claimed before a transient failure (or a worker lost while running it) fails it for good.</summary>
    /// <value>The default value is 3; it must be from 1 to 100.</value>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets the wait before the first retry of a transient failure; it doubles with each further attempt.</summary>
    /// <value>The default value is 10 seconds; it must not be negative.</value>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long an idle worker slot waits before looking for a job again.</summary>
    /// <value>The default value is 2 seconds; it must be positive.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how often the worker removes expired files and marks their jobs expired.</summary>
    /// <value>The default value is 15 minutes; it must be positive.</value>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lists every problem with the options.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StorageDirectory))
        {
            problems.Add("ExportJobOptions.StorageDirectory is blank: give the directory job files are kept in (seed 003's AUDIT_EXPORT_STORAGE_DIR).");
        }

        Positive(problems, FileLifetime, nameof(FileLifetime));
        Positive(problems, LeaseDuration, nameof(LeaseDuration));
        Positive(problems, HeartbeatInterval, nameof(HeartbeatInterval));
        Positive(problems, PollInterval, nameof(PollInterval));
        Positive(problems, CleanupInterval, nameof(CleanupInterval));
        if (HeartbeatInterval >= LeaseDuration)
        {
            problems.Add(FormattableString.Invariant($"ExportJobOptions.HeartbeatInterval ({HeartbeatInterval}) is not shorter than LeaseDuration ({LeaseDuration}): a running job would lose its lease between heartbeats; make the heartbeat at most half the lease."));
        }

        if (Concurrency is < 1 or > 64)
        {
            problems.Add(FormattableString.Invariant($"ExportJobOptions.Concurrency is {Concurrency}; it must be from 1 to 64."));
        }

        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add(FormattableString.Invariant($"ExportJobOptions.MaxAttempts is {MaxAttempts}; it must be from 1 to 100."));
        }

        if (RetryBackoff < TimeSpan.Zero)
        {
            problems.Add(FormattableString.Invariant($"ExportJobOptions.RetryBackoff is {RetryBackoff}; it must not be negative."));
        }

        return problems;
    }

    private static void Positive(List<string> problems, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(FormattableString.Invariant($"ExportJobOptions.{name} is {value}; it must be positive."));
        }
    }
}

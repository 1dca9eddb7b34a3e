using ExportKit.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// What every <see cref="IExportJobStore"/> must do: keep a job with all its fields and find it only in its tenant; list
/// newest first; hand a job to one worker at a time under a lease, oldest first, and again once the lease ran out; let
/// only the lease holder renew or finish it; cancel a queued job at once and flag a processing one; list and mark
/// expired files — and, with many workers at once, end every job exactly once.
/// </summary>
public abstract class ExportJobStoreContract : StoreContract<IExportJobStore>
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static ExportJob Job(int n, string tenant = "acme", string user = "lee", DateTimeOffset? at = null, ExportJobKind kind = ExportJobKind.AuditCsv) => new()
    {
        Id = $"job_{n:D4}",
        Kind = kind,
        TenantId = tenant,
        UserId = user,
        Status = ExportJobStatus.Queued,
        FiltersJson = $$"""{"tenantId":"{{tenant}}","severity":"error","n":{{n}}}""",
        CreatedAt = at ?? Now.AddMinutes(n),
    };

    [ContractFact]
    public async Task A_job_is_found_with_every_field_only_in_its_tenant()
    {
        var store = NewStore();
        var job = Job(1, kind: ExportJobKind.Bundle);

        await store.AddAsync(job);

        var found = await store.FindAsync("acme", job.Id);
        Assert.NotNull(found);
        Assert.Equal((job.Id, job.Kind, job.TenantId, job.UserId, job.Status, job.FiltersJson, job.CreatedAt), (found.Id, found.Kind, found.TenantId, found.UserId, found.Status, found.FiltersJson, found.CreatedAt));
        Assert.Equal((0, 0L, false, (string?)null), (found.Attempts, found.Progress, found.CancelRequested, found.LeaseOwner));
        Assert.Null(await store.FindAsync("globex", job.Id));
        Assert.Null(await store.FindAsync("acme", "job_9999"));
    }

    [ContractFact]
    public async Task A_taken_id_is_refused_and_the_first_job_is_kept()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AddAsync(Job(1, user: "mallory")));

        Assert.Equal("lee", (await store.FindAsync("acme", "job_0001"))!.UserId);
    }

    [ContractFact]
    public async Task Only_new_queued_jobs_are_added()
    {
        var store = NewStore();
        var processing = Copy(Job(1), status: ExportJobStatus.Processing);

        var notJson = Job(2);
        notJson = new ExportJob { Id = notJson.Id, Kind = notJson.Kind, TenantId = notJson.TenantId, UserId = notJson.UserId, Status = notJson.Status, FiltersJson = "severity=error", CreatedAt = notJson.CreatedAt };

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.AddAsync(processing));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.AddAsync(notJson));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.AddAsync(null!));
        Assert.Throws<ArgumentException>("sha256", () => ExportJobOutcome.Succeeded(Now, "f.csv", 1, 1, new string('A', 64), Now));
        Assert.Null(await store.FindAsync("acme", "job_0002"));
    }

    [ContractFact]
    public async Task Lists_a_tenants_jobs_newest_first_by_user_with_limit_and_offset()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));
        await store.AddAsync(Job(2, user: "dana"));
        await store.AddAsync(Job(3));
        await store.AddAsync(Job(4, tenant: "globex"));

        Assert.Equal(["job_0003", "job_0002", "job_0001"], await Ids(store.ListAsync("acme", null, 50, 0)));
        Assert.Equal(["job_0003", "job_0001"], await Ids(store.ListAsync("acme", "lee", 50, 0)));
        Assert.Equal(["job_0002"], await Ids(store.ListAsync("acme", null, 1, 1)));
        Assert.Equal(["job_0004"], await Ids(store.ListAsync("globex", null, 50, 0)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Ids(store.ListAsync("acme", null, 0, 0)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Ids(store.ListAsync("acme", null, 1001, 0)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Ids(store.ListAsync("acme", null, 10, -1)));
    }

    [ContractFact]
    public async Task Claims_the_oldest_queued_job_under_a_lease_once()
    {
        var store = NewStore();
        await store.AddAsync(Job(2));
        await store.AddAsync(Job(1));

        var first = await store.TryClaimAsync("worker-a", Now, Lease);
        var second = await store.TryClaimAsync("worker-b", Now, Lease);
        var none = await store.TryClaimAsync("worker-c", Now, Lease);

        Assert.Equal(("job_0001", ExportJobStatus.Processing, "worker-a", Now + Lease, 1, Now), (first!.Id, first.Status, first.LeaseOwner, first.LeaseExpiresAt, first.Attempts, first.StartedAt));
        Assert.Equal(("job_0002", "worker-b"), (second!.Id, second.LeaseOwner));
        Assert.Null(none);
        Assert.Equal("worker-a", (await store.FindAsync("acme", "job_0001"))!.LeaseOwner);
    }

    [ContractFact]
    public async Task A_job_whose_lease_ran_out_is_taken_over_and_the_old_holder_can_neither_renew_nor_finish_it()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));
        await store.TryClaimAsync("killed", Now, Lease);

        Assert.Null(await store.TryClaimAsync("worker-b", Now + Lease, Lease));
        var taken = await store.TryClaimAsync("worker-b", Now + Lease + TimeSpan.FromSeconds(1), Lease);

        Assert.Equal(("worker-b", 2, Now), (taken!.LeaseOwner, taken.Attempts, taken.StartedAt));
        Assert.Null(await store.RenewAsync("job_0001", "killed", Now + Lease, Lease, 10));
        Assert.False(await store.FinishAsync("job_0001", "killed", ExportJobOutcome.Failed(Now, "cancelled", "late")));
        Assert.Equal(ExportJobStatus.Processing, (await store.FindAsync("acme", "job_0001"))!.Status);
    }

    [ContractFact]
    public async Task The_holders_heartbeat_extends_the_lease_and_records_progress()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));
        await store.TryClaimAsync("worker-a", Now, Lease);

        var renewed = await store.RenewAsync("job_0001", "worker-a", Now + TimeSpan.FromMinutes(4), Lease, 250);

        Assert.Equal((Now + TimeSpan.FromMinutes(9), 250L), (renewed!.LeaseExpiresAt, renewed.Progress));
        Assert.Null(await store.TryClaimAsync("worker-b", Now + TimeSpan.FromMinutes(6), Lease));
    }

    [ContractFact]
    public async Task A_success_keeps_the_file_its_size_rows_checksum_and_expiry_and_ends_the_job_once()
    {
        var store = NewStore();
        await store.AddAsync(Job(1, kind: ExportJobKind.Bundle));
        await store.TryClaimAsync("worker-a", Now, Lease);
        var sha = new string('a', 64);

        Assert.True(await store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Succeeded(Now.AddMinutes(1), "acme_20260301_job_0001.csv", 1234, 42, sha, Now.AddHours(24), "exp_0001")));

        var done = await store.FindAsync("acme", "job_0001");
        Assert.Equal(
            (ExportJobStatus.Success, Now.AddMinutes(1), "acme_20260301_job_0001.csv", 1234L, 42L, sha, Now.AddHours(24), "exp_0001", (string?)null),
            (done!.Status, done.CompletedAt, done.FilePath, done.FileSizeBytes, done.RowCount, done.Sha256, done.ExpiresAt, done.ExportId, done.LeaseOwner));
        Assert.False(await store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Failed(Now, "x", "twice")));
        Assert.Null(await store.TryClaimAsync("worker-b", Now.AddDays(2), Lease));
    }

    [ContractFact]
    public async Task A_failure_keeps_its_code_and_message()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));
        await store.TryClaimAsync("worker-a", Now, Lease);

        await store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Failed(Now.AddMinutes(2), "source-failed", "database connection lost"));

        var failed = await store.FindAsync("acme", "job_0001");
        Assert.Equal((ExportJobStatus.Failed, "source-failed", "database connection lost", Now.AddMinutes(2)), (failed!.Status, failed.ErrorCode, failed.ErrorMessage, failed.CompletedAt));
    }

    [ContractFact]
    public async Task A_requeued_job_waits_out_its_backoff_then_is_claimed_again()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));
        await store.TryClaimAsync("worker-a", Now, Lease);

        await store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Requeued(Now.AddSeconds(30), "timeout"));

        var queued = await store.FindAsync("acme", "job_0001");
        Assert.Equal((ExportJobStatus.Queued, "timeout", (string?)null), (queued!.Status, queued.ErrorMessage, queued.LeaseOwner));
        Assert.Null(await store.TryClaimAsync("worker-b", Now.AddSeconds(29), Lease));
        var again = await store.TryClaimAsync("worker-b", Now.AddSeconds(30), Lease);
        Assert.Equal(2, again!.Attempts);
    }

    [ContractFact]
    public async Task A_job_handed_back_at_shutdown_is_queued_at_once_and_the_claim_is_not_an_attempt()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));
        await store.TryClaimAsync("worker-a", Now, Lease);

        Assert.True(await store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.HandedBack(Now.AddMinutes(1))));

        var queued = await store.FindAsync("acme", "job_0001");
        Assert.Equal((ExportJobStatus.Queued, 0, (string?)null), (queued!.Status, queued.Attempts, queued.LeaseOwner));
        Assert.Equal(1, (await store.TryClaimAsync("worker-b", Now.AddMinutes(1), Lease))!.Attempts);
    }

    [ContractFact]
    public async Task Cancelling_a_queued_job_ends_it_and_a_processing_one_is_flagged_for_its_worker()
    {
        var store = NewStore();
        await store.AddAsync(Job(1));
        await store.AddAsync(Job(2));
        await store.TryClaimAsync("worker-a", Now, Lease);

        var queued = await store.CancelAsync("acme", "job_0002", Now.AddMinutes(1));
        var processing = await store.CancelAsync("acme", "job_0001", Now.AddMinutes(1));

        Assert.Equal((ExportJobStatus.Cancelled, Now.AddMinutes(1)), (queued!.Status, queued.CompletedAt));
        Assert.Equal((ExportJobStatus.Processing, true), (processing!.Status, processing.CancelRequested));
        Assert.True((await store.RenewAsync("job_0001", "worker-a", Now.AddMinutes(2), Lease, 1))!.CancelRequested);
        Assert.True(await store.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Cancelled(Now.AddMinutes(2))));
        Assert.Equal(ExportJobStatus.Cancelled, (await store.FindAsync("acme", "job_0001"))!.Status);
        Assert.Null(await store.TryClaimAsync("worker-b", Now.AddDays(1), Lease));
        Assert.Null(await store.CancelAsync("globex", "job_0001", Now));
    }

    [ContractFact]
    public async Task Expired_files_are_listed_oldest_first_and_marked_once_keeping_the_record()
    {
        var store = NewStore();
        for (var n = 1; n <= 3; n++)
        {
            await store.AddAsync(Job(n));
            await store.TryClaimAsync("worker-a", Now, Lease);
            await store.FinishAsync($"job_{n:D4}", "worker-a", ExportJobOutcome.Succeeded(Now, $"f{n}.csv", 1, 1, new string('b', 64), Now.AddHours(24 - n)));
        }

        Assert.Empty(await Ids(store.ListExpiredAsync(Now.AddHours(20), 10)));
        Assert.Equal(["job_0003", "job_0002"], await Ids(store.ListExpiredAsync(Now.AddHours(22), 10)));
        Assert.True(await store.MarkExpiredAsync("job_0003"));
        Assert.True(await store.MarkExpiredAsync("job_0003"));
        Assert.Equal(["job_0002"], await Ids(store.ListExpiredAsync(Now.AddHours(22), 10)));
        var expired = await store.FindAsync("acme", "job_0003");
        Assert.Equal((ExportJobStatus.Expired, "f3.csv"), (expired!.Status, expired.FilePath));
        Assert.False(await store.MarkExpiredAsync("job_9999"));
    }

    [ContractFact]
    public async Task Many_workers_at_once_end_every_job_exactly_once()
    {
        var store = NewStore();
        const int Jobs = 200;
        for (var n = 1; n <= Jobs; n++)
        {
            await store.AddAsync(Job(n));
        }

        var ended = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var worker = $"worker-{w}";
            while (await store.TryClaimAsync(worker, Now, Lease) is { } job)
            {
                if (await store.FinishAsync(job.Id, worker, ExportJobOutcome.Succeeded(Now, job.Id + ".csv", 1, 1, new string('c', 64), Now.AddHours(24))))
                {
                    ended.Add(job.Id);
                }
            }
        })));

        Assert.Equal(Jobs, ended.Count);
        Assert.Equal(Jobs, ended.Distinct(StringComparer.Ordinal).Count());
        Assert.All(await ListAll(store), j => Assert.Equal((ExportJobStatus.Success, 1), (j.Status, j.Attempts)));
    }

    private static async Task<List<ExportJob>> ListAll(IExportJobStore store)
    {
        var all = new List<ExportJob>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = await store.ListAsync("acme", null, 1000, offset).ToListAsync();
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }
        }
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<ExportJob> jobs) => [.. (await jobs.ToListAsync()).Select(j => j.Id)];

    private static ExportJob Copy(ExportJob job, ExportJobStatus status) => new()
    {
        Id = job.Id, Kind = job.Kind, TenantId = job.TenantId, UserId = job.UserId, Status = status, FiltersJson = job.FiltersJson, CreatedAt = job.CreatedAt,
    };
}

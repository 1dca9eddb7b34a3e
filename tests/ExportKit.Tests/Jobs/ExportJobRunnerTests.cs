using System.Collections.Concurrent;
using ExportKit.Jobs;
using ExportKit.Testing;

namespace ExportKit.Tests.Jobs;

/// <summary>The worker: leases, heartbeats, cancellation, retries, hand-back on shutdown, and many jobs on many slots.</summary>
public sealed class ExportJobRunnerTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_job_cancelled_while_queued_is_never_run()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));

        var cancelled = await h.Service.CancelAsync(job.Id, JobHarness.As("owner"));

        Assert.Equal(ExportJobStatus.Cancelled, cancelled.Status);
        Assert.False(await h.Processor.RunOnceAsync());
        Assert.Empty(h.Files());
    }

    [Fact]
    public async Task Cancelling_a_job_is_audited_once_naming_who_cancelled_it_and_from_where()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        var request = new RequestMetadata { IpAddress = "203.0.113.9", UserAgent = "ops-console", RequestId = "req-7" };

        await h.Service.CancelAsync(job.Id, JobHarness.As("owner"), request);
        await h.Service.CancelAsync(job.Id, JobHarness.As("owner"), request);

        var cancelled = Assert.Single(await h.EventsAsync(AuditEventTypes.ExportCancelled));
        Assert.Equal(job.Id, cancelled.ResourceId);
        Assert.Equal("export-job", cancelled.ResourceType);
        Assert.Equal(JobHarness.As("owner").UserId, cancelled.UserId);
        Assert.Equal("203.0.113.9", cancelled.Request?.IpAddress);
        Assert.Contains("\"status\":\"cancelled\"", cancelled.ContextJson, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"audit-csv\"", cancelled.ContextJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_cancelled_while_processing_stops_at_the_next_heartbeat_and_keeps_no_file()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        h.Trail.Hold = true;
        var run = h.Processor.RunOnceAsync();
        await h.Trail.Started.Task;

        Assert.True((await h.Service.CancelAsync(job.Id, JobHarness.As("admin"))).CancelRequested);
        h.Clock.Advance(Heartbeat);
        await run;

        Assert.Equal(ExportJobStatus.Cancelled, (await h.JobAsync(job.Id)).Status);
        Assert.Empty(h.Files());
    }

    [Fact]
    public async Task A_worker_whose_lease_ran_out_loses_the_job_to_another_and_cannot_finish_it()
    {
        using var h = new JobHarness(o => o.LeaseDuration = TimeSpan.FromMinutes(2));
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        h.Trail.Hold = true;
        var stalled = h.Processor.RunOnceAsync();
        await h.Trail.Started.Task;

        var later = h.Clock.GetUtcNow().AddMinutes(3);
        var takenOver = await h.Store.TryClaimAsync("other-worker", later, TimeSpan.FromMinutes(2));
        Assert.Equal(job.Id, takenOver?.Id);
        h.Trail.Release.SetResult();
        await stalled;

        var now = await h.JobAsync(job.Id);
        Assert.Equal(ExportJobStatus.Processing, now.Status);
        Assert.Equal("other-worker", now.LeaseOwner);
        Assert.Empty(h.Files());
        Assert.True(await h.Store.FinishAsync(job.Id, "other-worker", ExportJobOutcome.Cancelled(later)));
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_then_the_job_fails_with_its_message()
    {
        using var h = new JobHarness(o =>
        {
            o.MaxAttempts = 3;
            o.RetryBackoff = TimeSpan.FromSeconds(10);
        });
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        h.Trail.Fail = () => new IOException("disk busy");

        Assert.True(await h.Processor.RunOnceAsync());
        var first = await h.JobAsync(job.Id);
        Assert.Equal(ExportJobStatus.Queued, first.Status);
        Assert.Equal(TestClock.Now.AddSeconds(10), first.NotBefore);
        Assert.Contains("disk busy", first.ErrorMessage, StringComparison.Ordinal);
        Assert.False(await h.Processor.RunOnceAsync());

        h.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await h.Processor.RunOnceAsync());
        Assert.Equal(h.Clock.GetUtcNow().AddSeconds(20), (await h.JobAsync(job.Id)).NotBefore);
        h.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await h.Processor.RunOnceAsync());

        var failed = await h.JobAsync(job.Id);
        Assert.Equal(ExportJobStatus.Failed, failed.Status);
        Assert.Equal(ExportErrorCodes.StorageFailed, failed.ErrorCode);
        Assert.Contains("disk busy", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, failed.Attempts);
        Assert.Empty(h.Files());
    }

    [Fact]
    public async Task A_permanent_failure_fails_at_once()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        h.Trail.Fail = () => new InvalidOperationException("bug");

        await h.Processor.RunOnceAsync();

        var failed = await h.JobAsync(job.Id);
        Assert.Equal((ExportJobStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Contains("bug", failed.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graceful_shutdown_hands_the_running_job_back()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), JobHarness.As("admin"));
        h.Trail.Hold = true;
        using var stopping = new CancellationTokenSource();
        var run = h.Processor.RunOnceAsync(stopping.Token);
        await h.Trail.Started.Task;

        await stopping.CancelAsync();
        await run;

        var handedBack = await h.JobAsync(job.Id);
        Assert.Equal(ExportJobStatus.Queued, handedBack.Status);
        Assert.Null(handedBack.LeaseOwner);
        Assert.Empty(h.Files());

        h.Trail.Hold = false;
        Assert.True(await h.Processor.RunOnceAsync());
        Assert.Equal(ExportJobStatus.Success, (await h.JobAsync(job.Id)).Status);
    }

    [Fact]
    public async Task A_thousand_jobs_drained_by_four_slots_each_complete_exactly_once()
    {
        var store = new CountingStore(new InMemoryExportJobStore());
        using var h = new JobHarness(o => o.Concurrency = 4, store);
        await h.SeedAsync();
        var admin = JobHarness.As("admin");
        var ids = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            ids.Add((await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(), admin)).Id);
        }

        Assert.Equal(1000, await h.Processor.DrainAsync());

        Assert.All(ids, id => Assert.Equal(1, store.Finished.GetValueOrDefault(id)));
        var jobs = await h.Service.ListAsync(admin, 1000);
        Assert.All(jobs, j => Assert.Equal((ExportJobStatus.Success, 1, 3L), (j.Status, j.Attempts, j.RowCount)));
        Assert.Equal(1000, h.Files().Length);
        Assert.True(store.Workers.Count > 1, "more than one slot should have claimed jobs");
    }

    private sealed class CountingStore(IExportJobStore inner) : IExportJobStore
    {
        public ConcurrentDictionary<string, int> Finished { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> Workers { get; } = new(StringComparer.Ordinal);

        public async ValueTask<bool> FinishAsync(string jobId, string workerId, ExportJobOutcome outcome, CancellationToken cancellationToken = default)
        {
            var done = await inner.FinishAsync(jobId, workerId, outcome, cancellationToken);
            if (done)
            {
                Finished.AddOrUpdate(jobId, 1, (_, n) => n + 1);
            }

            return done;
        }

        public async ValueTask<ExportJob?> TryClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            var job = await inner.TryClaimAsync(workerId, now, lease, cancellationToken);
            if (job is not null)
            {
                Workers[workerId] = true;
            }

            return job;
        }

        public ValueTask AddAsync(ExportJob job, CancellationToken cancellationToken = default) => inner.AddAsync(job, cancellationToken);

        public ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, jobId, cancellationToken);

        public IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, CancellationToken cancellationToken = default) => inner.ListAsync(tenantId, userId, limit, offset, cancellationToken);

        public ValueTask<ExportJob?> RenewAsync(string jobId, string workerId, DateTimeOffset now, TimeSpan lease, long progress, CancellationToken cancellationToken = default) => inner.RenewAsync(jobId, workerId, now, lease, progress, cancellationToken);

        public ValueTask<ExportJob?> CancelAsync(string tenantId, string jobId, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.CancelAsync(tenantId, jobId, now, cancellationToken);

        public IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) => inner.ListExpiredAsync(now, limit, cancellationToken);

        public ValueTask<bool> MarkExpiredAsync(string jobId, CancellationToken cancellationToken = default) => inner.MarkExpiredAsync(jobId, cancellationToken);
    }
}

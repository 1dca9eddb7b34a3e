using System.Collections.Concurrent;
using ExportKit.Storage.Contracts;
using ExportKit.Testing;

namespace ExportKit.Storage.Sqlite.Tests.Jobs;

/// <summary>
/// Two job stores on one file, as two processes (a web server and a worker, or two workers) would have: the second
/// with pooling off, so that every operation of it opens its own connection to the file, as another process does.
/// </summary>
public sealed class SharedFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private SqliteExportJobStore First() => new(database.ConnectionString);

    private SqliteExportJobStore Second() => new(database.ConnectionString + ";Pooling=False");

    [Fact]
    public async Task Two_stores_on_one_file_with_four_workers_each_end_every_one_of_500_jobs_exactly_once()
    {
        const int Jobs = 500;
        var stores = new[] { First(), Second() };
        for (var n = 1; n <= Jobs; n++)
        {
            await stores[n % 2].AddAsync(ExportJobStoreContract.Job(n));
        }

        var claims = new ConcurrentBag<string>();
        var ended = new ConcurrentBag<string>();
        var workers = from s in Enumerable.Range(0, 2)
                      from w in Enumerable.Range(0, 4)
                      select Task.Run(async () =>
                      {
                          var store = stores[s];
                          var worker = $"store-{s}-worker-{w}";
                          while (await store.TryClaimAsync(worker, Now, Lease) is { } job)
                          {
                              claims.Add(job.Id);
                              Assert.NotNull(await store.RenewAsync(job.Id, worker, Now, Lease, 1));
                              var outcome = ExportJobOutcome.Succeeded(Now, job.Id + ".csv", 1, 1, new string('c', 64), Now.AddHours(24));
                              if (await store.FinishAsync(job.Id, worker, outcome))
                              {
                                  ended.Add(job.Id);
                              }
                          }
                      });
        await Task.WhenAll(workers);

        Assert.Equal(Jobs, claims.Count);
        Assert.Equal(Jobs, claims.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Jobs, ended.Count);
        Assert.Equal(Jobs, ended.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((long)Jobs, database.Scalar("SELECT count(*) FROM export_jobs WHERE status = 'success' AND attempts = 1 AND lease_owner IS NULL AND progress = 1;"));
    }

    [Fact]
    public async Task A_job_whose_holder_died_is_taken_over_through_the_other_store_and_only_the_new_holder_ends_it()
    {
        var dead = First();
        var alive = Second();
        await alive.AddAsync(ExportJobStoreContract.Job(1));
        await dead.TryClaimAsync("killed", Now, Lease);

        Assert.Null(await alive.TryClaimAsync("worker-b", Now + Lease, Lease));
        var taken = await alive.TryClaimAsync("worker-b", Now + Lease + TimeSpan.FromSeconds(1), Lease);

        Assert.Equal(("job_0001", "worker-b", 2), (taken!.Id, taken.LeaseOwner, taken.Attempts));
        Assert.Null(await dead.RenewAsync("job_0001", "killed", Now + Lease, Lease, 5));
        Assert.False(await dead.FinishAsync("job_0001", "killed", ExportJobOutcome.Succeeded(Now, "stale.csv", 1, 1, new string('d', 64), Now.AddHours(24))));
        Assert.True(await alive.FinishAsync("job_0001", "worker-b", ExportJobOutcome.Succeeded(Now, "fresh.csv", 1, 1, new string('e', 64), Now.AddHours(24))));
        var done = await dead.FindAsync("acme", "job_0001");
        Assert.Equal((ExportJobStatus.Success, "fresh.csv", (string?)null), (done!.Status, done.FilePath, done.LeaseOwner));
    }

    [Fact]
    public async Task A_cancel_through_one_store_reaches_the_worker_of_the_other_at_its_next_heartbeat()
    {
        var web = First();
        var worker = Second();
        await web.AddAsync(ExportJobStoreContract.Job(1));
        await worker.TryClaimAsync("worker-a", Now, Lease);

        await web.CancelAsync("acme", "job_0001", Now.AddMinutes(1));

        Assert.True((await worker.RenewAsync("job_0001", "worker-a", Now.AddMinutes(1), Lease, 3))!.CancelRequested);
        Assert.True(await worker.FinishAsync("job_0001", "worker-a", ExportJobOutcome.Cancelled(Now.AddMinutes(2))));
        Assert.Equal(ExportJobStatus.Cancelled, (await web.FindAsync("acme", "job_0001"))!.Status);
    }
}

using ExportKit.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExportKit.Tests.Jobs;

/// <summary>AddExportKit registers jobs with TryAdd; AddExportJobWorker adds the hosted worker once; options are validated.</summary>
public sealed class ExportJobRegistrationTests
{
    [Fact]
    public void AddExportKit_registers_the_service_processor_and_stores_and_a_host_store_wins()
    {
        var hostStore = new InMemoryExportJobStore();
        var services = new ServiceCollection();
        services.AddSingleton<IExportJobStore>(hostStore);
        services.AddExportKit();
        using var provider = services.BuildServiceProvider();

        Assert.Same(hostStore, provider.GetRequiredService<IExportJobStore>());
        Assert.NotNull(provider.GetRequiredService<IExportJobService>());
        Assert.NotNull(provider.GetRequiredService<IExportJobProcessor>());
        Assert.NotNull(provider.GetRequiredService<IExportFileStore>());
        Assert.Empty(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void AddExportJobWorker_adds_one_hosted_worker_however_often_it_is_called()
    {
        var services = new ServiceCollection();
        services.AddExportKit().AddExportJobWorker(o => o.Concurrency = 2).AddExportJobWorker();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(2, provider.GetRequiredService<IOptions<ExportJobOptions>>().Value.Concurrency);
    }

    [Fact]
    public void Invalid_job_options_are_refused_at_build_with_every_problem()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            new ExportEngineBuilder().ConfigureJobs(o => { o.Concurrency = 0; o.HeartbeatInterval = TimeSpan.FromMinutes(5); o.StorageDirectory = " "; }).BuildJobs());

        Assert.Contains("Concurrency", error.Message, StringComparison.Ordinal);
        Assert.Contains("HeartbeatInterval", error.Message, StringComparison.Ordinal);
        Assert.Contains("StorageDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hosted_worker_runs_queued_jobs_until_the_host_stops()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exportkit-jobtests-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddExportKit().AddExportJobWorker(o => { o.StorageDirectory = directory; o.PollInterval = TimeSpan.FromMilliseconds(20); });
        await using var provider = services.BuildServiceProvider();
        var jobs = provider.GetRequiredService<IExportJobService>();
        var admin = JobHarness.As("admin");
        var job = await jobs.CreateAuditCsvJobAsync(new AuditQuery("acme"), admin);
        var worker = Assert.Single(provider.GetServices<IHostedService>());

        await worker.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await jobs.GetAsync(job.Id, admin)).Status != ExportJobStatus.Success && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(ExportJobStatus.Success, (await jobs.GetAsync(job.Id, admin)).Status);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task BuildJobs_reaches_the_service_and_processor_without_a_host()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exportkit-jobtests-" + Guid.NewGuid().ToString("N"));
        var built = new ExportEngineBuilder().ConfigureJobs(o => o.StorageDirectory = directory).BuildJobs();
        var admin = JobHarness.As("admin");

        var job = await built.Service.CreateAuditCsvJobAsync(new AuditQuery("acme"), admin);

        Assert.Equal(1, await built.Processor.DrainAsync());
        Assert.Equal(ExportJobStatus.Success, (await built.Service.GetAsync(job.Id, admin)).Status);
        Directory.Delete(directory, recursive: true);
    }
}

using System.Diagnostics;
using ExportKit.Tests.Jobs;

namespace ExportKit.Tests.Telemetry;

/// <summary>
/// A worker's job is a span (the export's own span nests under it) and counted by kind and outcome, so a host sees a
/// queue that fails or retries, not only the exports inside it.
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class ExportJobTelemetryTests : IDisposable
{
    private readonly string tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly TelemetryCapture capture;

    public ExportJobTelemetryTests() => capture = new TelemetryCapture(tenant, "exportkit.job");

    [Fact]
    public async Task A_finished_job_is_a_span_with_its_kind_and_outcome_and_is_counted()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(tenant), JobHarness.As("admin", tenant: tenant));

        Assert.True(await h.Processor.RunOnceAsync());

        var span = Assert.Single(capture.Activities, a => a.DisplayName == "export-job audit-csv");
        Assert.Equal("audit-csv", span.GetTagItem("exportkit.job.kind"));
        Assert.Equal("success", span.GetTagItem("exportkit.job.outcome"));
        Assert.Equal(job.Id, span.GetTagItem("exportkit.job.id"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var counted = Assert.Single(capture.Measurements, m => m.Instrument == "exportkit.jobs");
        Assert.Equal("success", counted.Tags["exportkit.job.outcome"]);
        Assert.Equal("audit-csv", counted.Tags["exportkit.job.kind"]);
        Assert.Single(capture.Measurements, m => m.Instrument == "exportkit.job.duration");
        Assert.DoesNotContain(capture.Measurements, m => m.Tags.ContainsKey("exportkit.tenant"));
    }

    [Fact]
    public async Task A_cancelled_job_is_counted_as_cancelled()
    {
        using var h = new JobHarness();
        var job = await h.Service.CreateAuditCsvJobAsync(JobHarness.Logins(tenant), JobHarness.As("admin", tenant: tenant));
        h.Trail.Hold = true;
        var run = h.Processor.RunOnceAsync();
        await h.Trail.Started.Task;

        await h.Service.CancelAsync(job.Id, JobHarness.As("admin", tenant: tenant));
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        await run;

        var span = Assert.Single(capture.Activities, a => a.DisplayName == "export-job audit-csv");
        Assert.Equal("cancelled", span.GetTagItem("exportkit.job.outcome"));
        Assert.Equal("cancelled", Assert.Single(capture.Measurements, m => m.Instrument == "exportkit.jobs").Tags["exportkit.job.outcome"]);
    }

    public void Dispose() => capture.Dispose();
}

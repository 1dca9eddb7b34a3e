using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ExportKit.Sources;
using ExportKit.Tests.Sources;
using Microsoft.Extensions.Logging;

namespace ExportKit.Tests.Telemetry;

/// <summary>
/// Issue "ExportKit 0.2", observability: failures were invisible in the host's logs and traces. Each export is a span
/// with its outcome, metrics count exports, denials, failures, items and bytes, and the log says what happened.
/// Spans are told apart by tenant; metrics carry no tenant, so this class runs alone (no other export in the process
/// at the same time).
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class ExportTelemetryTests : IDisposable
{
    private readonly string tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly TelemetryCapture capture;
    private readonly CapturingLoggerFactory logs = new();

    public ExportTelemetryTests() => capture = new TelemetryCapture(tenant);

    [Fact]
    public async Task A_written_export_is_one_span_with_its_events_counted_and_logged()
    {
        var result = await ExportAsync(Query(ExportCategory.AlertLogs), TestEngine.Admin(tenant));

        Assert.True(result.Succeeded, result.ErrorMessage);
        var span = Assert.Single(capture.Activities);
        Assert.Equal("export alert-logs", span.DisplayName);
        Assert.Equal("written", span.GetTagItem("exportkit.outcome"));
        Assert.Equal("json", span.GetTagItem("exportkit.format"));
        Assert.Equal(["policy.decided", "bundle.assembled", "export.written"], span.Events.Select(e => e.Name));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        Assert.Equal(1, Sum("exportkit.exports"));
        Assert.Equal(result.Bundle.Metadata.TotalItems, Sum("exportkit.export.items"));
        Assert.Equal(result.SizeBytes, Sum("exportkit.export.bytes"));
        var duration = Assert.Single(Measurements("exportkit.export.duration"));
        Assert.Equal("written", duration.Tags["exportkit.outcome"]);
        Assert.DoesNotContain(capture.Measurements, m => m.Tags.ContainsKey("exportkit.tenant"));

        var written = Assert.Single(logs.Messages, m => m.EventId.Id == 3);
        Assert.Equal(LogLevel.Information, written.Level);
        Assert.Contains(result.ExportId, written.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denied_export_is_an_error_span_a_denial_and_a_warning_with_the_violations()
    {
        var result = await ExportAsync(Query(ExportCategory.CompliancePack), new ExportPrincipal("lee", tenant, ["member"]));

        Assert.Equal(ExportErrorCodes.PolicyDenied, result.ErrorCode);
        var span = Assert.Single(capture.Activities);
        Assert.Equal("denied", span.GetTagItem("exportkit.outcome"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(1, Sum("exportkit.export.denials"));
        Assert.Equal(0, Sum("exportkit.exports"));
        var denied = Assert.Single(logs.Messages, m => m.EventId.Id == 2);
        Assert.Equal(LogLevel.Warning, denied.Level);
        Assert.Contains("Compliance pack exports require auditor role or permission", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_export_is_counted_by_error_type_and_logged_as_an_error()
    {
        var result = await ExportAsync(Query(ExportCategory.AlertLogs), TestEngine.Admin(tenant), [new ThrowingSource(ExportPhase.Alerts, after: 2)]);

        Assert.Equal(ExportErrorCodes.SourceFailed, result.ErrorCode);
        var span = Assert.Single(capture.Activities);
        Assert.Equal("failed", span.GetTagItem("exportkit.outcome"));
        Assert.Equal(ExportErrorCodes.SourceFailed, span.GetTagItem("error.type"));
        var failure = Assert.Single(Measurements("exportkit.export.failures"));
        Assert.Equal(ExportErrorCodes.SourceFailed, failure.Tags["error.type"]);
        var failed = Assert.Single(logs.Messages, m => m.EventId.Id == 4);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Contains("database connection lost", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_stale_partial_files_is_logged()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exportkit-telemetry-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var stale = Path.Combine(directory, ".exportkit-" + new string('f', 32) + ".partial");
            await File.WriteAllTextAsync(stale, "left by a killed process");
            File.SetLastWriteTimeUtc(stale, TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1));

            await Engine().ExportToDirectoryAsync(Query(ExportCategory.AlertLogs), TestEngine.Admin(tenant), directory);

            var removed = Assert.Single(logs.Messages, m => m.EventId.Id == 5);
            Assert.Contains("Removed 1 stale partial export file", removed.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public void Dispose()
    {
        capture.Dispose();
        logs.Dispose();
    }

    private ExportQuery Query(ExportCategory category) => TestEngine.Query(category, tenant: tenant);

    private async Task<ExportResult> ExportAsync(ExportQuery query, ExportPrincipal principal, IEnumerable<IPhaseDataSource>? sources = null)
    {
        using var stream = new MemoryStream();
        return await Engine(sources).ExportAsync(query, principal, stream);
    }

    private IExportEngine Engine(IEnumerable<IPhaseDataSource>? sources = null) =>
        new TestEngine(sources ?? InMemoryPhaseDataSource.ForEachPhase(ExportKit.Testing.TestRecords.All(tenant)), b => b.UseLoggerFactory(logs)).Engine;

    private List<TelemetryCapture.Measurement> Measurements(string instrument) =>
        [.. capture.Measurements.Where(m => m.Instrument == instrument)];

    private double Sum(string instrument) => Measurements(instrument).Sum(m => m.Value);
}

/// <summary>Tests that listen to process-wide metrics: run with nothing else in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Process-wide telemetry";
}

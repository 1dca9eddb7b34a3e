using ExportKit.Audit;
using ExportKit.Testing;
using ExportKit.Tests.Sources;

namespace ExportKit.Tests.Engine;

/// <summary>
/// Issue "ExportKit 0.2", statistics that tell the whole story: denied and failed attempts were never counted, and the
/// seed's fourth card (data sources) had no figure.
/// </summary>
public sealed class StatisticsStoryTests
{
    [Fact]
    public async Task Written_denied_and_failed_attempts_are_each_counted_with_the_data_sources_used()
    {
        var engine = new TestEngine();
        await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack));
        await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack), new ExportPrincipal("lee", "acme"));
        var failing = new TestEngine([new ThrowingSource(ExportPhase.Alerts, after: 1)]);

        var failed = await failing.Engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), new MemoryStream());

        Assert.Equal(ExportErrorCodes.SourceFailed, failed.ErrorCode);
        var stats = await engine.Log.GetStatisticsAsync(TestClock.Now);
        Assert.Equal((1, 1, 0), (stats.TotalExports, stats.TotalDenied, stats.TotalFailed));
        Assert.Equal(["Phase 50: Audit & Governance Engine", "Phase 51: Drift Detection Engine", "Phase 52: Alert & Notification Engine", "Phase 53: Task & Workflow Engine"], stats.DataSources);
        Assert.Equal(1, (await failing.Log.GetStatisticsAsync(TestClock.Now)).TotalFailed);
    }
}

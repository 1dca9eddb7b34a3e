using System.Runtime.CompilerServices;
using ExportKit.Formats.BagIt;
using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.AuditorPackage;

[Collection(nameof(MemoryMeasurements))]
public sealed class AuditorPackageStreamingTests
{
    private const int AlertCount = 50_000;

    [Fact]
    public async Task Packs_50000_alerts_to_a_forward_only_stream_without_holding_them()
    {
        long liveGrowth = 0;
        var lastItems = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var bundle = TestBundles.Bundle("bnd_a1e7a1e7a1e7a1e7a1e7a1e7", "Alert Logs", "Phase 52 only.", ExportCategory.AlertLogs, new ExportScope("acme"),
            new ExportSection("alert-logs", "Alert Logs", "Notification tracking.", ExportPhase.Alerts.DataSource, new SectionSummary("50000 items.", [], []), AlertCount, TestClock.Now,
                Alerts(AlertCount, onLast: () =>
                {
                    lastItems++;
                    liveGrowth = Math.Max(liveGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                })));
        var path = Path.Combine(Path.GetTempPath(), "exportkit-test-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await using (var file = File.Create(path))
            await using (var forwardOnly = new ForwardOnlyStream(file))
            {
                await AuditorPackages.Formatter().WriteAsync(bundle, forwardOnly, CancellationToken.None);
            }

            // Each alert renders to ~600 bytes of JSON and CSV: holding them would keep ~100 MB alive.
            Assert.Equal(2, lastItems);
            Assert.True(liveGrowth < 8 * 1024 * 1024, $"{liveGrowth:N0} bytes were still alive after the last alert: the items are being held.");
            await using var read = File.OpenRead(path);
            var report = await BagItVerifier.VerifyZipAsync(read);
            Assert.True(report.IsValid, report.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async IAsyncEnumerable<ExportItem> Alerts(int count, Action onLast, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (i == count - 1)
            {
                onLast();
            }

            var created = TestRecords.Base.AddSeconds(i);
            yield return TestRecords.ToItem(new Alert
            {
                AlertId = $"al-{i:D6}", TenantId = "acme", FacilityId = "f1", Severity = (i % 3) switch { 0 => "critical", 1 => "high", _ => "low" },
                Category = "equipment", Status = "resolved", CreatedAt = created, ResolvedAt = created.AddMinutes(30), SlaDeadline = created.AddHours(4),
            });
        }
    }
}

using ExportKit.Sources;
using ExportKit.Testing;

namespace ExportKit.Tests.Sources;

public sealed class InMemoryPhaseDataSourceTests
{
    [Fact]
    public async Task Returns_the_requested_tenant_and_range_in_timestamp_then_id_order()
    {
        var alerts = TestRecords.All().Concat(TestRecords.All("globex")).OfType<Alert>().Reverse().ToArray();
        var source = new InMemoryPhaseDataSource(ExportPhase.Alerts, alerts);

        var read = await source.ReadAsync(new PhaseReadRequest(new ExportScope("acme"), new ExportTimeRange(TestRecords.Base, TestRecords.Base.AddHours(5))), CancellationToken.None).ToListAsync();

        Assert.Equal(["al-001"], read.Select(r => r.RecordId));
    }

    [Fact]
    public void Refuses_records_of_another_phase_and_duplicate_ids()
    {
        var finding = TestRecords.All().OfType<AuditFinding>().First();
        var alert = TestRecords.All().OfType<Alert>().First();

        Assert.Contains("must be a non-null record of that phase", Assert.Throws<ArgumentException>(() => new InMemoryPhaseDataSource(ExportPhase.Alerts, [alert, finding])).Message, StringComparison.Ordinal);
        Assert.Contains("share the id 'al-001'", Assert.Throws<ArgumentException>(() => new InMemoryPhaseDataSource(ExportPhase.Alerts, [alert, alert])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForEachPhase_makes_one_source_per_phase_in_phase_order()
    {
        var sources = InMemoryPhaseDataSource.ForEachPhase(TestRecords.All());

        Assert.Equal(Enumerable.Range(50, 10), sources.Select(s => s.Phase.Number));
    }
}

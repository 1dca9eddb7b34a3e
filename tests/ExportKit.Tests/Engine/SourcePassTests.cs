using ExportKit.Sources;
using ExportKit.Testing;

namespace ExportKit.Tests.Engine;

/// <summary>
/// Every format reads each data source once per export: the assembler's pass spools the items, and the formatter
/// (a ZIP's three entries, a package's JSON and CSV per section) replays the spool, never the sources.
/// </summary>
public sealed class SourcePassTests
{
    public static TheoryData<string> Formats => new() { "json", "csv", "html", "markdown", "zip", "auditor-package" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_source_is_read_once_whatever_the_format(string format)
    {
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        var sources = InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()).Select(s => new CountingSource(s)).ToArray();
        var engine = new TestEngine(sources);

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack, exportFormat));

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.NotEmpty(bytes);
        var read = sources.Where(s => s.Reads > 0).ToArray();
        Assert.Equal(["Phase 50: Audit & Governance Engine", "Phase 51: Drift Detection Engine", "Phase 52: Alert & Notification Engine", "Phase 53: Task & Workflow Engine"], read.Select(s => s.Phase.DataSource).Order(StringComparer.Ordinal));
        Assert.All(read, s => Assert.Equal(1, s.Reads));
    }

    private sealed class CountingSource(IPhaseDataSource inner) : IPhaseDataSource
    {
        public ExportPhase Phase => inner.Phase;

        public int Reads { get; private set; }

        public IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, CancellationToken cancellationToken)
        {
            Reads++;
            return inner.ReadAsync(request, cancellationToken);
        }
    }
}

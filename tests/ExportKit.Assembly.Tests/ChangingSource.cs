using ExportKit.Testing;

namespace ExportKit.Assembly.Tests;

/// <summary>A data source whose data changes after the first read: the first read returns <c>first</c>, every later one <c>later</c>.</summary>
internal sealed class ChangingSource(ExportPhase phase, IEnumerable<PhaseRecord> first, IEnumerable<PhaseRecord> later) : IPhaseDataSource
{
    private readonly PhaseRecord[] first = [.. first];
    private readonly PhaseRecord[] later = [.. later];
    private int reads;

    public ExportPhase Phase => phase;

    public int Reads => reads;

    public IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, CancellationToken cancellationToken) =>
        TestRecords.Stream(reads++ == 0 ? first : later);
}

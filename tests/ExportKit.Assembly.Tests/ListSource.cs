using ExportKit.Testing;

namespace ExportKit.Assembly.Tests;

/// <summary>
/// A data source that returns exactly the given records in the given order, whatever it is asked for: tests use it
/// to hand the builder hostile data (other tenants, unsorted, duplicated). It counts and keeps the requests it gets.
/// </summary>
internal sealed class ListSource(ExportPhase phase, IEnumerable<PhaseRecord?> records, Action? onRead = null) : IPhaseDataSource
{
    private readonly PhaseRecord?[] records = [.. records];

    public ExportPhase Phase => phase;

    public List<PhaseReadRequest> Requests { get; } = [];

    public int Reads => Requests.Count;

    public IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        onRead?.Invoke();
        return TestRecords.Stream(records)!;
    }

    /// <summary>One source per built-in phase, each returning the given records of its phase in their given order.</summary>
    public static ListSource[] ForEveryPhase(IEnumerable<PhaseRecord> records) =>
        [.. ExportPhase.BuiltIn.Select(p => new ListSource(p, records.Where(r => r.Phase.Equals(p))))];
}

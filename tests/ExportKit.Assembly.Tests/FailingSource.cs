namespace ExportKit.Assembly.Tests;

/// <summary>
/// A data source that throws: either when asked to read (<c>onRead</c>), or while streaming, after the given records.
/// </summary>
internal sealed class FailingSource(ExportPhase phase, Exception exception, IEnumerable<PhaseRecord>? before = null, bool onRead = false) : IPhaseDataSource
{
    private readonly PhaseRecord[] before = [.. before ?? []];

    public ExportPhase Phase => phase;

    public IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, CancellationToken cancellationToken) =>
        onRead ? throw exception : StreamThenThrow();

    private async IAsyncEnumerable<PhaseRecord> StreamThenThrow()
    {
        foreach (var record in before)
        {
            await Task.Yield();
            yield return record;
        }

        await Task.Yield();
        throw exception;
    }
}

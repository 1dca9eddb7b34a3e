namespace ExportKit.Benchmarks.EndToEnd;

/// <summary>
/// An in-memory source of alerts that counts how often it is read: the end-to-end benchmarks report passes per export
/// beside time and allocation, because against a real database every extra pass costs a query.
/// </summary>
internal sealed class CountingSource(IReadOnlyList<Alert> records) : IPhaseDataSource
{
    public ExportPhase Phase => ExportPhase.Alerts;

    public IReadOnlyList<Alert> Records => records;

    public int Passes { get; private set; }

    public static CountingSource Alerts(int count)
    {
        var alerts = new Alert[count];
        for (var i = 0; i < count; i++)
        {
            alerts[i] = BenchmarkData.Alert(i);
        }

        return new CountingSource(alerts);
    }

    public void Reset() => Passes = 0;

    public IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, CancellationToken cancellationToken)
    {
        Passes++;
        return Read(cancellationToken);
    }

    /// <summary>What a hand-written exporter reads: the same records, typed, in one pass.</summary>
    public IAsyncEnumerable<Alert> ReadAlertsAsync(CancellationToken cancellationToken)
    {
        Passes++;
        return Read(cancellationToken);
    }

    private async IAsyncEnumerable<Alert> Read([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }
}

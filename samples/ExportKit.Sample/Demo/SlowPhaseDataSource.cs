using System.Runtime.CompilerServices;

namespace ExportKit.Sample.Demo;

/// <summary>A data source that waits before its first record, as a remote database under load would: the worker's hidden <c>--job-delay</c>.</summary>
internal sealed class SlowPhaseDataSource(IPhaseDataSource inner, TimeSpan delay) : IPhaseDataSource
{
    public ExportPhase Phase => inner.Phase;

    public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        await foreach (var record in inner.ReadAsync(request, cancellationToken))
        {
            yield return record;
        }
    }
}

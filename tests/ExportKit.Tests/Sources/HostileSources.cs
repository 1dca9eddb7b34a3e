using System.Runtime.CompilerServices;

namespace ExportKit.Tests.Sources;

/// <summary>A source that returns exactly the records it is given, ignoring the request: other tenants' records included.</summary>
internal sealed class ListSource(ExportPhase phase, params PhaseRecord[] records) : IPhaseDataSource
{
    public ExportPhase Phase => phase;

    public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }
}

/// <summary>A source that fails after returning some records.</summary>
internal sealed class ThrowingSource(ExportPhase phase, int after) : IPhaseDataSource
{
    public ExportPhase Phase => phase;

    public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < after; i++)
        {
            await Task.Yield();
            yield return new Alert { AlertId = $"al-{i:D3}", TenantId = request.Scope.TenantId, Severity = "low", Category = "c", Status = "open", CreatedAt = request.TimeRange.Start.AddMinutes(i) };
        }

        throw new IOException("database connection lost");
    }
}

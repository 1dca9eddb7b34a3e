using System.Runtime.CompilerServices;

namespace ExportKit.Sources;

/// <summary>
/// A data source over records held in memory, for tests, demos and quick starts. It sorts the records once into
/// the (timestamp, id) order the engine requires and returns those of the requested tenant and time range.
/// </summary>
public sealed class InMemoryPhaseDataSource : IPhaseDataSource
{
    private readonly PhaseRecord[] records;

    /// <summary>Creates a source.</summary>
    /// <param name="phase">The phase it serves.</param>
    /// <param name="records">The records; all must be of <paramref name="phase"/>, with ids unique per tenant.</param>
    /// <exception cref="ArgumentException">A record is of another phase, or two records share an id.</exception>
    public InMemoryPhaseDataSource(ExportPhase phase, IEnumerable<PhaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(records);
        this.records = [.. records.OrderBy(r => r.Timestamp.UtcTicks).ThenBy(r => r.RecordId, StringComparer.Ordinal).ThenBy(r => r.TenantId, StringComparer.Ordinal)];
        var foreign = this.records.FirstOrDefault(r => r is null || !r.Phase.Equals(phase));
        if (foreign is not null || this.records.Any(r => r is null))
        {
            throw new ArgumentException($"Every record of an in-memory source for {phase.DataSource} must be a non-null record of that phase; '{foreign?.RecordId}' is of {foreign?.Phase.DataSource}.", nameof(records));
        }

        var duplicate = this.records.GroupBy(r => (r.TenantId, r.RecordId)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two records of {phase.DataSource} for tenant '{duplicate.Key.TenantId}' share the id '{duplicate.Key.RecordId}'; record ids must be unique within a phase and tenant.", nameof(records));
        }

        Phase = phase;
    }

    /// <inheritdoc />
    public ExportPhase Phase { get; }

    /// <summary>Gets how many records the source holds.</summary>
    public int Count => records.Length;

    /// <summary>Makes one source per phase from a mixed list of records.</summary>
    /// <param name="records">Records of any phases.</param>
    /// <returns>A source for each phase that has records, in phase-number order.</returns>
    public static IReadOnlyList<InMemoryPhaseDataSource> ForEachPhase(IEnumerable<PhaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.GroupBy(r => r.Phase).OrderBy(g => g.Key.Number).Select(g => new InMemoryPhaseDataSource(g.Key, g)).ToArray();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.Equals(record.TenantId, request.Scope.TenantId, StringComparison.Ordinal) && request.TimeRange.Contains(record.Timestamp))
            {
                yield return record;
            }
        }
    }
}

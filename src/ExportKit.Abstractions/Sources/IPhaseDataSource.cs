namespace ExportKit;

/// <summary>
/// Supplies the records of one phase. Implement it over the host's own store and register it with
/// <c>AddDataSource</c>.
/// </summary>
/// <remarks>
/// Records must come in (<see cref="PhaseRecord.Timestamp"/>, <see cref="PhaseRecord.RecordId"/> ordinal) order, so
/// that ExportKit can merge and write them without holding them; a record out of that order fails the export with
/// <see cref="ExportErrorCodes.SourceOutOfOrder"/>. A source is read more than once per export (a counting pass,
/// then once per rendering) and must return the same records each time. Records outside the requested scope
/// are dropped and counted, never exported.
/// </remarks>
public interface IPhaseDataSource
{
    /// <summary>Gets the phase whose records this source supplies.</summary>
    ExportPhase Phase { get; }

    /// <summary>Streams the records of the scope and time range, ordered by timestamp then id.</summary>
    /// <param name="request">The scope and time range.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, CancellationToken cancellationToken);
}

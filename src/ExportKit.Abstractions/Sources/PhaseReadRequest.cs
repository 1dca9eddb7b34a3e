namespace ExportKit;

/// <summary>What a data source is asked for.</summary>
/// <param name="Scope">The tenant (and facility) whose records are wanted.</param>
/// <param name="TimeRange">The range the records' timestamps must fall in.</param>
public sealed record PhaseReadRequest(ExportScope Scope, ExportTimeRange TimeRange);

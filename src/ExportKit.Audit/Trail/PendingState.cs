namespace ExportKit.Audit;

/// <summary>Where a <see cref="PendingAppend"/> is.</summary>
internal enum PendingState
{
    Queued,
    Taken,
    Cancelled,
}

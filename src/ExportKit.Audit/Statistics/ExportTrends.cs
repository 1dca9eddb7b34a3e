namespace ExportKit.Audit;

/// <summary>
/// How activity changed: the count in the last 24 hours, <c>[now - 24 h, now)</c>, against the count in the 24 hours
/// before, <c>[now - 48 h, now - 24 h)</c>, as a signed percentage with one decimal, for example <c>+12.5%</c> or
/// <c>-5.2%</c>. The change is <c>(last - previous) / previous × 100</c>, rounded half away from zero. When both
/// counts are zero it is <c>+0.0%</c>; when only the previous count is zero the ratio is undefined and the change is
/// reported as <c>+100.0%</c>, as a dashboard would show a rise from nothing.
/// </summary>
public sealed record ExportTrends
{
    /// <summary>Gets the change in the number of exports generated, for example <c>+12.5%</c>.</summary>
    public required string ExportsChange { get; init; }

    /// <summary>Gets the change in the number of exports downloaded, for example <c>-5.2%</c>.</summary>
    public required string DownloadsChange { get; init; }
}

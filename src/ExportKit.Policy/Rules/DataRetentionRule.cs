namespace ExportKit.Policy;

/// <summary>
/// Rule 5: a time range longer than 90 days needs <c>export:long-range</c>; with it, the export goes ahead with a warning.
/// Exactly 90 days is within the limit.
/// </summary>
internal sealed class DataRetentionRule : IExportPolicyRule
{
    /// <summary>The longest range an export may cover without <c>export:long-range</c>.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);

    public string Name => "data-retention";

    public void Evaluate(PolicyEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TimeRange.Duration <= MaxRange)
        {
            return;
        }

        if (context.Principal.HasPermission(ExportPermissions.LongRange))
        {
            context.AddWarning("Long-range exports may have reduced data availability or increased generation time");
            return;
        }

        context.AddViolation("Time range exceeds 90 days. Requires export:long-range permission");
    }
}

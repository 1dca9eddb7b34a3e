namespace ExportKit.Policy;

/// <summary>
/// The phase restrictions ExportKit applies by default. They tighten the specification's rule 3, which guards the
/// category names <c>executive-summary</c> and <c>full-operational</c>: the executive data itself (phases 58 and 59) is
/// guarded, whichever category carries it, so <c>insights</c> and <c>reports</c> cannot be used to get it instead.
/// </summary>
public static class PhaseRestrictions
{
    /// <summary>The violation of the executive restrictions: the specification's rule 3 message.</summary>
    public const string ExecutiveViolation = "Executive-level exports require executive permissions";

    /// <summary>Gets the restriction on phase 58 (executive insights): role <c>executive</c> or <c>admin</c>, or <c>export:executive-view</c>.</summary>
    public static PhaseRestriction ExecutiveInsights { get; } = Executive(ExportPhase.Insights);

    /// <summary>Gets the restriction on phase 59 (enterprise reports): role <c>executive</c> or <c>admin</c>, or <c>export:executive-view</c>.</summary>
    public static PhaseRestriction EnterpriseReports { get; } = Executive(ExportPhase.Reports);

    /// <summary>Gets the default restrictions: <see cref="ExecutiveInsights"/> and <see cref="EnterpriseReports"/>.</summary>
    public static IReadOnlyList<PhaseRestriction> Default { get; } = Array.AsReadOnly(new[] { ExecutiveInsights, EnterpriseReports });

    private static PhaseRestriction Executive(ExportPhase phase) =>
        new(phase, [ExportRoles.Executive, ExportRoles.Admin], [ExportPermissions.ExecutiveView], ExecutiveViolation);
}

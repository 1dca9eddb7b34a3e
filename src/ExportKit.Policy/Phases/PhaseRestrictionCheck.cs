namespace ExportKit.Policy;

/// <summary>Applies phase restrictions to a context: one violation per distinct message not already found.</summary>
internal static class PhaseRestrictionCheck
{
    public static void Apply(PolicyEvaluationContext context, IReadOnlyList<PhaseRestriction> restrictions)
    {
        foreach (var restriction in restrictions)
        {
            if (context.Phases.Contains(restriction.Phase)
                && !restriction.Allows(context.Principal)
                && !context.Violations.Contains(restriction.Violation, StringComparer.Ordinal))
            {
                context.AddViolation(restriction.Violation);
            }
        }
    }
}

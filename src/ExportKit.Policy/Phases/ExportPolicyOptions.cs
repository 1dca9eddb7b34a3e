namespace ExportKit.Policy;

/// <summary>Options of <see cref="ExportPolicyEngine"/> beyond its rules.</summary>
public sealed class ExportPolicyOptions
{
    /// <summary>
    /// Gets the phases whose data is restricted. The engine applies every restriction to every category that reads the
    /// phase, after the rules; a rule cannot lift one. Add a host's own; removing a default loosens the policy.
    /// </summary>
    /// <value>The default value is <see cref="PhaseRestrictions.Default"/>: phases 58 and 59 need role <c>executive</c>
    /// or <c>admin</c>, or <c>export:executive-view</c>.</value>
    public IList<PhaseRestriction> PhaseRestrictions { get; } = [.. Policy.PhaseRestrictions.Default];

    /// <summary>Checks the options and returns every problem found, as the other options classes do.</summary>
    /// <returns>The problems, each naming the option, its value and what is allowed; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        for (var i = 0; i < PhaseRestrictions.Count; i++)
        {
            if (PhaseRestrictions[i] is null)
            {
                problems.Add(FormattableString.Invariant($"ExportPolicyOptions.PhaseRestrictions[{i}] is null; it must be a PhaseRestriction: remove the entry."));
            }
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem, listing all of them.</summary>
    internal void ThrowIfInvalid(string paramName)
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), paramName);
        }
    }
}

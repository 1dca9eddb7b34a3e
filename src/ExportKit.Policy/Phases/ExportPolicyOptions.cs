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
}

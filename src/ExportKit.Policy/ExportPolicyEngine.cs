namespace ExportKit.Policy;

/// <summary>
/// Decides whether an export may go ahead: runs every rule, in order, and collects every violation and warning.
/// Denies by default: without a principal, or when a rule throws, the export is denied with the reason.
/// After the rules, it applies the phase restrictions (<see cref="ExportPolicyOptions.PhaseRestrictions"/>) to every
/// phase the query's category reads, so restricted data is refused whichever category carries it; a rule can neither
/// remove a violation nor lift a restriction.
/// </summary>
public sealed class ExportPolicyEngine : IExportPolicyEngine
{
    /// <summary>The violation given when the query comes without a principal.</summary>
    internal const string NoPrincipalViolation =
        "No principal: an export needs an authenticated principal (user, tenant, roles and permissions).";

    private readonly IExportPolicyRule[] rules;
    private readonly PhaseRestriction[] restrictions;
    private readonly IExportCategoryPhases categoryPhases;

    /// <summary>Creates an engine that runs the six built-in rules, <see cref="ExportPolicyRules.Default"/>.</summary>
    public ExportPolicyEngine()
        : this(ExportPolicyRules.Default)
    {
    }

    /// <summary>
    /// Creates an engine that runs the given rules, in the order given, then the default phase restrictions
    /// (<see cref="PhaseRestrictions.Default"/>) over the phases of the fourteen built-in categories.
    /// </summary>
    /// <param name="rules">The rules; at least one, each with a distinct, non-blank name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list is empty, holds <see langword="null"/>, or two rules share a name or a name is blank.</exception>
    public ExportPolicyEngine(IEnumerable<IExportPolicyRule> rules)
        : this(rules, new ExportPolicyOptions(), BuiltInCategoryPhases.Instance)
    {
    }

    /// <summary>Creates an engine that runs the given rules, in the order given, then the phase restrictions of the options.</summary>
    /// <param name="rules">The rules; at least one, each with a distinct, non-blank name.</param>
    /// <param name="options">The phase restrictions; read once, later changes have no effect.</param>
    /// <param name="categoryPhases">Which phases each category reads, built in and the host's (ExportKit's engine passes its category registry).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The rules are invalid (see above), or a phase restriction is <see langword="null"/>.</exception>
    public ExportPolicyEngine(IEnumerable<IExportPolicyRule> rules, ExportPolicyOptions options, IExportCategoryPhases categoryPhases)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(categoryPhases);
        options.ThrowIfInvalid(nameof(options));
        restrictions = [.. options.PhaseRestrictions];

        this.categoryPhases = categoryPhases;
        this.rules = [.. rules];
        if (this.rules.Length == 0)
        {
            throw new ArgumentException(
                "The policy engine needs at least one rule: pass ExportPolicyRules.Default, or use the parameterless constructor.",
                nameof(rules));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < this.rules.Length; i++)
        {
            var rule = this.rules[i]
                ?? throw new ArgumentException(FormattableString.Invariant($"Policy rule {i} is null: remove it from the list."), nameof(rules));
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"Policy rule {i} ({rule.GetType().FullName}) has a blank name: give every rule a name, for example 'tenant-isolation'."),
                    nameof(rules));
            }

            if (!names.Add(rule.Name))
            {
                throw new ArgumentException(
                    $"Two policy rules are named '{rule.Name}': rule names identify violations and must be distinct; rename one or remove the duplicate.",
                    nameof(rules));
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="timeRange"/> is <see langword="null"/>.</exception>
    public PolicyDecision Evaluate(ExportQuery query, ExportPrincipal? principal, ExportTimeRange timeRange)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(timeRange);
        if (principal is null)
        {
            return new PolicyDecision { Allowed = false, Reason = NoPrincipalViolation, Violations = Array.AsReadOnly(new[] { NoPrincipalViolation }), Warnings = Array.AsReadOnly(Array.Empty<string>()) };
        }

        var context = new PolicyEvaluationContext(query, principal, timeRange) { Phases = categoryPhases.FindPhases(query.Category) ?? [] };
        foreach (var rule in rules)
        {
            try
            {
                rule.Evaluate(context);
            }
#pragma warning disable CA1031 // Deny by default: a failing rule must deny the export, not break the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                context.AddViolation($"Policy rule '{rule.Name}' failed: {ex.Message}");
            }
        }

        // Last, and outside any rule: sensitivity belongs to the data, whichever category carries it.
        PhaseRestrictionCheck.Apply(context, restrictions);
        return Decide(context.Violations, context.Warnings);
    }

    private PolicyDecision Decide(IReadOnlyList<string> violations, IReadOnlyList<string> warnings)
    {
        var allowed = violations.Count == 0;
        var reason = !allowed
            ? string.Join("; ", violations)
            : warnings.Count == 0
                ? FormattableString.Invariant($"All {rules.Length} policy rules passed")
                : FormattableString.Invariant($"All {rules.Length} policy rules passed with {warnings.Count} warning(s)");
        // Copies behind read-only wrappers: whoever holds the decision cannot change what was decided and logged.
        return new PolicyDecision { Allowed = allowed, Reason = reason, Violations = Array.AsReadOnly(violations.ToArray()), Warnings = Array.AsReadOnly(warnings.ToArray()) };
    }
}

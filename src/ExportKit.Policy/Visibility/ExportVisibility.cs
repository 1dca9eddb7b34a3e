namespace ExportKit.Policy;

/// <summary>
/// Tells which categories and formats a principal may use, for example to show only those in a UI.
/// The answer comes from the built-in category rules (<see cref="ExportPolicyRules.ExecutivePermissions"/>,
/// <see cref="ExportPolicyRules.ComplianceRestrictions"/>) and format rule (<see cref="ExportPolicyRules.FormatRestrictions"/>)
/// themselves, and from the phase restrictions (<see cref="ExportPolicyOptions.PhaseRestrictions"/>) on the phases each
/// category reads, evaluated for a query in the principal's own tenant over 30 days; an actual export is still decided by
/// <see cref="IExportPolicyEngine"/>, which also checks the tenant, federation and time range. So a <c>member</c> is
/// not offered <c>insights</c> or <c>reports</c>: they carry the executive data of phases 58 and 59, which needs what
/// <c>executive-summary</c> needs.
/// </summary>
public static class ExportVisibility
{
    private static readonly IExportPolicyRule[] CategoryRules = [ExportPolicyRules.ExecutivePermissions, ExportPolicyRules.ComplianceRestrictions];
    private static readonly IExportPolicyRule[] FormatRules = [ExportPolicyRules.FormatRestrictions];

    // The rules read only the range's length; a fixed anchor keeps the answer independent of the clock.
    private static readonly ExportTimeRange SyntheticRange = ExportTimeRange.LastDays(DateTimeOffset.UnixEpoch.AddDays(30), 30);

    /// <summary>
    /// Gets the categories, of those given, that the principal may export, in the order given and without repeats,
    /// under the default phase restrictions and the built-in categories' phases.
    /// </summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="categories">The categories to check, for example <see cref="ExportCategory.BuiltIn"/>.</param>
    /// <returns>The categories no category rule forbids the principal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> or <paramref name="categories"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="categories"/> holds <see langword="null"/>.</exception>
    public static IReadOnlyList<ExportCategory> AllowedCategories(ExportPrincipal principal, IEnumerable<ExportCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(categories);
        return AllowedCategories(principal, categories, new ExportPolicyOptions(), BuiltInCategoryPhases.Instance);
    }

    /// <summary>
    /// Gets the categories, of those given, that the principal may export, in the order given and without repeats,
    /// under the given phase restrictions and with the given category phases (pass the same as to <see cref="ExportPolicyEngine"/>).
    /// </summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="categories">The categories to check.</param>
    /// <param name="options">The phase restrictions.</param>
    /// <param name="categoryPhases">Which phases each category reads.</param>
    /// <returns>The categories that no category rule and no phase restriction forbids the principal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="categories"/> holds <see langword="null"/>.</exception>
    public static IReadOnlyList<ExportCategory> AllowedCategories(
        ExportPrincipal principal, IEnumerable<ExportCategory> categories, ExportPolicyOptions options, IExportCategoryPhases categoryPhases)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(categoryPhases);
        var restrictions = options.PhaseRestrictions.ToArray();
        return Filter(categories, nameof(categories), "category", c => Passes(CategoryRules, principal, c, ExportFormat.Json, restrictions, categoryPhases));
    }

    /// <summary>Gets the formats, of those given, that the principal may export in, in the order given and without repeats.</summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="formats">The formats to check, for example <see cref="ExportFormat.BuiltIn"/>.</param>
    /// <returns>The formats no format rule forbids the principal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> or <paramref name="formats"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="formats"/> holds <see langword="null"/>.</exception>
    public static IReadOnlyList<ExportFormat> AllowedFormats(ExportPrincipal principal, IEnumerable<ExportFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(formats);
        return Filter(formats, nameof(formats), "format", f => Passes(FormatRules, principal, ExportCategory.OperationalSnapshot, f, [], BuiltInCategoryPhases.Instance));
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<T> Filter<T>(IEnumerable<T> values, string paramName, string kind, Func<T, bool> allowed)
    {
        var seen = new HashSet<T>();
        var result = new List<T>();
        foreach (var value in values)
        {
            if (value is null)
            {
                throw new ArgumentException($"A {kind} in the list is null: remove it.", paramName);
            }

            if (seen.Add(value) && allowed(value))
            {
                result.Add(value);
            }
        }

        return result.AsReadOnly();
    }

    private static bool Passes(
        IExportPolicyRule[] rules, ExportPrincipal principal, ExportCategory category, ExportFormat format, PhaseRestriction[] restrictions, IExportCategoryPhases categoryPhases)
    {
        var query = new ExportQuery(category, format, new ExportScope(principal.TenantId), principal.UserId);
        var context = new PolicyEvaluationContext(query, principal, SyntheticRange) { Phases = categoryPhases.FindPhases(category) ?? [] };
        foreach (var rule in rules)
        {
            rule.Evaluate(context);
        }

        PhaseRestrictionCheck.Apply(context, restrictions);
        return context.Violations.Count == 0;
    }
}

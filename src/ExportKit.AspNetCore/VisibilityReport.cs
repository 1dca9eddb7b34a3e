namespace ExportKit.AspNetCore;

/// <summary>
/// <c>GET /exports/visibility</c>: every category and format with whether the caller may use it and, when not, each
/// violation the host's own policy engine gives — its rules, custom ones included, and its phase restrictions — for an
/// export in the caller's tenant over the last 30 days. Nothing is logged: this is a question, not an export.
/// </summary>
internal static class VisibilityReport
{
    private const int Days = 30;

    public static VisibilityDto For(ExportPrincipal principal, IExportCatalog catalog, IExportPolicyEngine policy, TimeProvider time)
    {
        var range = ExportTimeRange.LastDays(time.GetUtcNow(), Days);
        var categories = catalog.Categories.Select(c => Item(c.Value, Violations(policy, principal, c, ExportFormat.Json, range))).ToList();

        // A format is checked with the plainest category; what that category alone is refused is not the format's fault.
        var baseline = Violations(policy, principal, ExportCategory.OperationalSnapshot, ExportFormat.Json, range);
        var formats = catalog.Formats.Select(f => Item(f.Value, [.. Violations(policy, principal, ExportCategory.OperationalSnapshot, f, range).Except(baseline, StringComparer.Ordinal)])).ToList();
        return new VisibilityDto(categories, formats);
    }

    private static IReadOnlyList<string> Violations(IExportPolicyEngine policy, ExportPrincipal principal, ExportCategory category, ExportFormat format, ExportTimeRange range) =>
        policy.Evaluate(new ExportQuery(category, format, new ExportScope(principal.TenantId), principal.UserId), principal, range).Violations;

    private static VisibilityItemDto Item(string id, IReadOnlyList<string> violations) =>
        new(id, violations.Count == 0, violations.Count == 0 ? null : string.Join(" ", violations), violations);
}

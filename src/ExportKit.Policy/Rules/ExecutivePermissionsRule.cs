namespace ExportKit.Policy;

/// <summary>
/// Rule 3: the executive-level categories (<c>executive-summary</c>, <c>full-operational</c>) need the role
/// <c>executive</c> or <c>admin</c>, or the permission <c>export:executive-view</c>.
/// </summary>
internal sealed class ExecutivePermissionsRule : IExportPolicyRule
{
    public string Name => "executive-permissions";

    public void Evaluate(PolicyEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var category = context.Query.Category;
        if (!category.Equals(ExportCategory.ExecutiveSummary) && !category.Equals(ExportCategory.FullOperational))
        {
            return;
        }

        var principal = context.Principal;
        if (principal.HasRole(ExportRoles.Executive)
            || principal.HasRole(ExportRoles.Admin)
            || principal.HasPermission(ExportPermissions.ExecutiveView))
        {
            return;
        }

        context.AddViolation("Executive-level exports require executive permissions");
    }
}

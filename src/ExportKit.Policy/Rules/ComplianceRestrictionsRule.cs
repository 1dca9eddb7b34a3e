namespace ExportKit.Policy;

/// <summary>
/// Rule 4: the <c>compliance-pack</c> category needs the role <c>auditor</c>, <c>executive</c> or <c>admin</c>,
/// or the permission <c>export:compliance-pack</c>.
/// </summary>
internal sealed class ComplianceRestrictionsRule : IExportPolicyRule
{
    public string Name => "compliance-restrictions";

    public void Evaluate(PolicyEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Query.Category.Equals(ExportCategory.CompliancePack))
        {
            return;
        }

        var principal = context.Principal;
        if (principal.HasRole(ExportRoles.Auditor)
            || principal.HasRole(ExportRoles.Executive)
            || principal.HasRole(ExportRoles.Admin)
            || principal.HasPermission(ExportPermissions.CompliancePack))
        {
            return;
        }

        context.AddViolation("Compliance pack exports require auditor role or permission");
    }
}

namespace ExportKit.Policy;

/// <summary>Rule 1: a user exports only their own tenant's data, unless they hold <c>export:cross-tenant</c> or <c>export:federation-admin</c>.</summary>
internal sealed class TenantIsolationRule : IExportPolicyRule
{
    public string Name => "tenant-isolation";

    public void Evaluate(PolicyEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        if (string.Equals(context.Query.Scope.TenantId, principal.TenantId, StringComparison.Ordinal)
            || principal.HasPermission(ExportPermissions.CrossTenant)
            || principal.HasPermission(ExportPermissions.FederationAdmin))
        {
            return;
        }

        context.AddViolation("Cross-tenant export access denied");
    }
}

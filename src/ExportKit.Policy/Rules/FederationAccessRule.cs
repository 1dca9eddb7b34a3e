namespace ExportKit.Policy;

/// <summary>
/// Rule 2: an export made for a federation needs <c>export:federation-admin</c>, membership of that federation,
/// or the explicit permission <c>export:federation:{federationId}</c>.
/// </summary>
internal sealed class FederationAccessRule : IExportPolicyRule
{
    public string Name => "federation-access";

    public void Evaluate(PolicyEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var federationId = context.Query.Scope.FederationId;
        if (federationId is null)
        {
            return;
        }

        var principal = context.Principal;
        if (principal.HasPermission(ExportPermissions.FederationAdmin)
            || string.Equals(principal.FederationId, federationId, StringComparison.Ordinal)
            || principal.HasPermission(ExportPermissions.Federation(federationId)))
        {
            return;
        }

        context.AddViolation("Federation export access denied");
    }
}

namespace ExportKit.Policy;

/// <summary>Rule 6: the bundle formats (<c>zip</c>, <c>auditor-package</c>) need <c>export:bundle-formats</c>.</summary>
internal sealed class FormatRestrictionsRule : IExportPolicyRule
{
    public string Name => "format-restrictions";

    public void Evaluate(PolicyEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = context.Query.Format;
        if (!format.IsBundleFormat || context.Principal.HasPermission(ExportPermissions.BundleFormats))
        {
            return;
        }

        context.AddViolation($"Format '{format.Value}' requires export:bundle-formats permission");
    }
}

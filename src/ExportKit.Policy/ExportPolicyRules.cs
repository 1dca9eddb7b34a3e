namespace ExportKit.Policy;

/// <summary>
/// The six built-in policy rules of the specification. Each is stateless and may be shared; combine them with
/// a host's own <see cref="IExportPolicyRule"/> implementations in <see cref="ExportPolicyEngine(IEnumerable{IExportPolicyRule})"/>.
/// </summary>
public static class ExportPolicyRules
{
    /// <summary>Gets rule 1, <c>tenant-isolation</c>: another tenant's data needs <c>export:cross-tenant</c> or <c>export:federation-admin</c>.</summary>
    public static IExportPolicyRule TenantIsolation { get; } = new TenantIsolationRule();

    /// <summary>
    /// Gets rule 2, <c>federation-access</c>: an export for a federation needs <c>export:federation-admin</c>,
    /// membership of the federation, or <c>export:federation:{federationId}</c>.
    /// </summary>
    public static IExportPolicyRule FederationAccess { get; } = new FederationAccessRule();

    /// <summary>
    /// Gets rule 3, <c>executive-permissions</c>: <c>executive-summary</c> and <c>full-operational</c> need the role
    /// <c>executive</c> or <c>admin</c>, or <c>export:executive-view</c>.
    /// </summary>
    public static IExportPolicyRule ExecutivePermissions { get; } = new ExecutivePermissionsRule();

    /// <summary>
    /// Gets rule 4, <c>compliance-restrictions</c>: <c>compliance-pack</c> needs the role <c>auditor</c>,
    /// <c>executive</c> or <c>admin</c>, or <c>export:compliance-pack</c>.
    /// </summary>
    public static IExportPolicyRule ComplianceRestrictions { get; } = new ComplianceRestrictionsRule();

    /// <summary>
    /// Gets rule 5, <c>data-retention</c>: a range longer than 90 days needs <c>export:long-range</c>, and then
    /// goes ahead with a warning.
    /// </summary>
    public static IExportPolicyRule DataRetention { get; } = new DataRetentionRule();

    /// <summary>Gets rule 6, <c>format-restrictions</c>: <c>zip</c> and <c>auditor-package</c> need <c>export:bundle-formats</c>.</summary>
    public static IExportPolicyRule FormatRestrictions { get; } = new FormatRestrictionsRule();

    /// <summary>Gets the six rules in the order the specification lists them, which is the order their findings appear in.</summary>
    public static IReadOnlyList<IExportPolicyRule> Default { get; } =
        Array.AsReadOnly(new[] { TenantIsolation, FederationAccess, ExecutivePermissions, ComplianceRestrictions, DataRetention, FormatRestrictions });
}

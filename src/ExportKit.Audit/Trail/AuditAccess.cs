namespace ExportKit.Audit;

/// <summary>
/// The audit specification's access table, enforced on every read and export of <see cref="AuditTrail"/>: the
/// principal must hold the operation's permission (<see cref="AuditPermissions"/>), and may only see its own tenant.
/// </summary>
internal static class AuditAccess
{
    private const string ReaderRoles = "roles owner, admin, member and viewer hold it";

    /// <summary>Checks a page or count: <c>audit:view</c>, plus <c>audit:filter</c> when a filter is set, in the principal's tenant.</summary>
    public static void CheckRead(AuditQuery query, ExportPrincipal principal, string action)
    {
        Require(principal, AuditPermissions.View, $"Audit access required: user {principal.UserId} lacks the {AuditPermissions.View} permission that {action} needs ({ReaderRoles}).");
        if (HasFilter(query))
        {
            Require(principal, AuditPermissions.Filter, $"Audit access required: user {principal.UserId} lacks the {AuditPermissions.Filter} permission that filtering the audit log needs ({ReaderRoles}); ask without filters, or get the permission.");
        }

        CheckTenant(query, principal);
    }

    /// <summary>Checks opening one event: <c>audit:view-details</c>.</summary>
    public static void CheckDetails(ExportPrincipal principal) =>
        Require(principal, AuditPermissions.ViewDetails, $"Audit access required: user {principal.UserId} lacks the {AuditPermissions.ViewDetails} permission that opening an audit entry needs ({ReaderRoles}).");

    /// <summary>Checks an export: <c>audit:export:create</c>, in the principal's tenant.</summary>
    public static void CheckExport(AuditQuery query, ExportPrincipal principal)
    {
        Require(principal, AuditPermissions.ExportCreate, $"Admin role required: user {principal.UserId} lacks the {AuditPermissions.ExportCreate} permission that exporting the audit log needs (roles owner and admin hold it).");
        CheckTenant(query, principal);
    }

    private static void Require(ExportPrincipal principal, string permission, string message)
    {
        if (!principal.HasPermission(permission))
        {
            throw new AuditAccessDeniedException(message, permission);
        }
    }

    private static void CheckTenant(AuditQuery query, ExportPrincipal principal)
    {
        if (!string.Equals(principal.TenantId, query.TenantId, StringComparison.Ordinal))
        {
            throw new AuditAccessDeniedException(
                $"Audit access denied in tenant {query.TenantId}: user {principal.UserId} belongs to tenant {principal.TenantId} and may read or export only its audit log. Build the query with the principal's tenant: new AuditQuery(principal.TenantId).",
                permission: null);
        }
    }

    private static bool HasFilter(AuditQuery query) =>
        query.Severity is not null || query.ActorType is not null || query.EventType is not null
        || query.StartDate is not null || query.EndDate is not null || query.Search is not null;
}

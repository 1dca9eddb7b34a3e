namespace ExportKit.Audit;

/// <summary>The permissions of the audit governance roles (see <see cref="RolePermissionMap.AuditGovernance"/>).</summary>
public static class AuditPermissions
{
    /// <summary>View audit logs: <c>audit:view</c>. <see cref="AuditTrail.QueryAsync"/> and <see cref="AuditTrail.CountBySeverityAsync"/> require it.</summary>
    public const string View = "audit:view";

    /// <summary>Filter audit logs: <c>audit:filter</c>. A query with any filter set requires it besides <see cref="View"/>.</summary>
    public const string Filter = "audit:filter";

    /// <summary>View an entry's details: <c>audit:view-details</c>. <see cref="AuditTrail.GetAsync"/> requires it.</summary>
    public const string ViewDetails = "audit:view-details";

    /// <summary>Create an export of the audit log: <c>audit:export:create</c>. <see cref="AuditTrail.ExportCsvAsync"/> requires it.</summary>
    public const string ExportCreate = "audit:export:create";

    /// <summary>View an export job's status: <c>audit:export:status</c>.</summary>
    public const string ExportStatus = "audit:export:status";

    /// <summary>Download an export file: <c>audit:export:download</c>.</summary>
    public const string ExportDownload = "audit:export:download";

    /// <summary>List export jobs: <c>audit:export:list</c>.</summary>
    public const string ExportList = "audit:export:list";
}

namespace ExportKit.Audit;

public sealed partial class RolePermissionMap
{
    private static readonly string[] AuditReader = [AuditPermissions.View, AuditPermissions.Filter, AuditPermissions.ViewDetails];

    // ExportKit.Policy's ExportPermissions.CompliancePack, .BundleFormats and .ExecutiveView; this package does not
    // reference Policy. The policy rules let the role named "admin" export the executive categories and phases by its
    // name; "owner" gets the same through export:executive-view, so that owner can do everything admin can.
    private static readonly string[] AuditAdmin =
    [
        .. AuditReader,
        AuditPermissions.ExportCreate, AuditPermissions.ExportStatus, AuditPermissions.ExportDownload, AuditPermissions.ExportList,
        "export:compliance-pack", "export:bundle-formats", "export:executive-view",
    ];

    private static readonly string[] ProjectAll =
    [
        "project.create", "project.edit", "project.delete", "project.view",
        "calculation.run", "calculation.approve", "calculation.view",
        "user.invite", "user.remove", "user.view",
        "account.billing", "account.manage",
        "file.upload", "file.delete", "file.view",
    ];

    /// <summary>
    /// Gets the audit governance roles: <c>owner</c>, <c>admin</c>, <c>member</c> and <c>viewer</c> all view, filter and open
    /// audit entries (<c>audit:view</c>, <c>audit:filter</c>, <c>audit:view-details</c>); only <c>owner</c> and <c>admin</c>
    /// create, follow, download and list audit exports (<c>audit:export:*</c>) and make compliance packs, bundle formats and
    /// the executive-level exports (<c>export:compliance-pack</c>, <c>export:bundle-formats</c>, <c>export:executive-view</c>).
    /// Owner holds every permission admin holds (the specification's "Owner: full access").
    /// </summary>
    public static RolePermissionMap AuditGovernance { get; } = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["owner"] = AuditAdmin,
        ["admin"] = AuditAdmin,
        ["member"] = AuditReader,
        ["viewer"] = AuditReader,
    });

    /// <summary>
    /// Gets the project roles: <c>owner</c> holds every permission; <c>admin</c> manages users and has full project, calculation
    /// and file access but not the account (<c>account.billing</c>, <c>account.manage</c>); <c>engineer</c> runs, views and
    /// approves calculations on projects it can view; <c>estimator</c> creates and edits projects, runs calculations and
    /// uploads files; <c>fabricator</c> and <c>client</c> only view (which projects they see — approved ones, their own — is
    /// the host's filter, not a permission).
    /// </summary>
    public static RolePermissionMap ProjectRoles { get; } = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["owner"] = ProjectAll,
        ["admin"] =
        [
            "project.create", "project.edit", "project.delete", "project.view",
            "calculation.run", "calculation.approve", "calculation.view",
            "user.invite", "user.remove", "user.view",
            "file.upload", "file.delete", "file.view",
        ],
        ["engineer"] = ["project.view", "calculation.run", "calculation.approve", "calculation.view", "file.view"],
        ["estimator"] = ["project.create", "project.edit", "project.view", "calculation.run", "calculation.view", "file.upload", "file.view"],
        ["fabricator"] = ["project.view", "calculation.view", "file.view"],
        ["client"] = ["project.view", "calculation.view", "file.view"],
    });
}

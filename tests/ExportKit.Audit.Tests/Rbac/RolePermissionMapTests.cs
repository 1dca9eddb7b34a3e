namespace ExportKit.Audit.Tests.Rbac;

public sealed class RolePermissionMapTests
{
    // Seed 003's table: every role views, filters and opens entries; only owner and admin handle exports.
    [Theory]
    [InlineData(AuditPermissions.View, true, true, true, true)]
    [InlineData(AuditPermissions.Filter, true, true, true, true)]
    [InlineData(AuditPermissions.ViewDetails, true, true, true, true)]
    [InlineData(AuditPermissions.ExportCreate, true, true, false, false)]
    [InlineData(AuditPermissions.ExportStatus, true, true, false, false)]
    [InlineData(AuditPermissions.ExportDownload, true, true, false, false)]
    [InlineData(AuditPermissions.ExportList, true, true, false, false)]
    [InlineData("export:compliance-pack", true, true, false, false)]
    [InlineData("export:bundle-formats", true, true, false, false)]
    [InlineData("export:executive-view", true, true, false, false)]
    public void Audit_governance_follows_the_specifications_table(string permission, bool owner, bool admin, bool member, bool viewer)
    {
        var map = RolePermissionMap.AuditGovernance;

        Assert.Equal([owner, admin, member, viewer], new[] { "owner", "admin", "member", "viewer" }.Select(r => map.Allows(r, permission)));
    }

    [Fact]
    public void Audit_governance_has_exactly_its_four_roles_and_ten_permissions()
    {
        var map = RolePermissionMap.AuditGovernance;

        Assert.Equal(["admin", "member", "owner", "viewer"], map.Roles);
        Assert.Equal(10, map.Permissions("owner").Count);
        Assert.Equal(map.Permissions("owner"), map.Permissions("admin"));
        Assert.Equal([AuditPermissions.Filter, AuditPermissions.View, AuditPermissions.ViewDetails], map.Permissions("viewer"));
    }

    [Theory]
    [InlineData("owner", "account.billing account.manage calculation.approve calculation.run calculation.view file.delete file.upload file.view project.create project.delete project.edit project.view user.invite user.remove user.view")]
    [InlineData("admin", "calculation.approve calculation.run calculation.view file.delete file.upload file.view project.create project.delete project.edit project.view user.invite user.remove user.view")]
    [InlineData("engineer", "calculation.approve calculation.run calculation.view file.view project.view")]
    [InlineData("estimator", "calculation.run calculation.view file.upload file.view project.create project.edit project.view")]
    [InlineData("fabricator", "calculation.view file.view project.view")]
    [InlineData("client", "calculation.view file.view project.view")]
    public void Project_roles_hold_the_permissions_of_their_description(string role, string permissions)
    {
        Assert.Equal(permissions.Split(' '), RolePermissionMap.ProjectRoles.Permissions(role));
    }

    [Fact]
    public void Only_the_owner_manages_the_account_and_only_owner_admin_and_engineer_approve_calculations()
    {
        var map = RolePermissionMap.ProjectRoles;

        Assert.Equal(["owner"], map.Roles.Where(r => map.Allows(r, "account.manage")));
        Assert.Equal(["admin", "engineer", "owner"], map.Roles.Where(r => map.Allows(r, "calculation.approve")));
        Assert.Equal(["admin", "estimator", "owner"], map.Roles.Where(r => map.Allows(r, "project.edit")));
    }

    [Fact]
    public void Creates_a_principal_with_the_role_and_its_permissions_whatever_the_case_given()
    {
        var principal = RolePermissionMap.AuditGovernance.CreatePrincipal("user-1", "acme", "Admin");

        Assert.Equal(("user-1", "acme"), (principal.UserId, principal.TenantId));
        Assert.Equal(["admin"], principal.Roles);
        Assert.True(principal.HasRole("ADMIN"));
        Assert.True(principal.HasPermission(AuditPermissions.ExportCreate));
        Assert.Equal(RolePermissionMap.AuditGovernance.Permissions("admin"), principal.Permissions);
    }

    [Fact]
    public void An_unknown_role_is_rejected_listing_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>("role", () => RolePermissionMap.AuditGovernance.CreatePrincipal("u", "acme", "auditor"));

        Assert.StartsWith("Role 'auditor' is unknown: use one of admin, member, owner, viewer.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("role", () => RolePermissionMap.ProjectRoles.Permissions("viewer"));
    }

    [Fact]
    public void A_custom_map_rejects_blank_duplicate_or_missing_roles()
    {
        Assert.Throws<ArgumentException>("rolePermissions", () => new RolePermissionMap(new Dictionary<string, IReadOnlyList<string>>()));
        Assert.Throws<ArgumentException>("rolePermissions", () => new RolePermissionMap(new Dictionary<string, IReadOnlyList<string>> { [" "] = ["a"] }));
        Assert.Throws<ArgumentException>("rolePermissions", () => new RolePermissionMap(new Dictionary<string, IReadOnlyList<string>> { ["r"] = [""] }));
        var duplicate = Assert.Throws<ArgumentException>("rolePermissions", () =>
            new RolePermissionMap(new Dictionary<string, IReadOnlyList<string>> { ["auditor"] = ["a"], ["Auditor"] = ["b"] }));

        Assert.Contains("given twice", duplicate.Message, StringComparison.Ordinal);
        Assert.True(new RolePermissionMap(new Dictionary<string, IReadOnlyList<string>> { ["auditor"] = ["audit:view"] }).Allows("AUDITOR", "audit:view"));
    }
}

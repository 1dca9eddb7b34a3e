using ExportKit.Audit;
using ExportKit.Policy;

namespace ExportKit.Tests.Policy;

/// <summary>Seed 002: "Owner: full access". With the audit governance roles, owner may export whatever admin may.</summary>
public sealed class OwnerAdminParityTests
{
    [Fact]
    public void Owner_may_export_every_category_and_format_admin_may()
    {
        var owner = RolePermissionMap.AuditGovernance.CreatePrincipal("olive", "acme", "owner");
        var admin = RolePermissionMap.AuditGovernance.CreatePrincipal("adam", "acme", "admin");

        Assert.Equal(
            ExportVisibility.AllowedCategories(admin, ExportCategory.BuiltIn),
            ExportVisibility.AllowedCategories(owner, ExportCategory.BuiltIn));
        Assert.Equal(ExportCategory.BuiltIn.Count, ExportVisibility.AllowedCategories(owner, ExportCategory.BuiltIn).Count);
        Assert.Equal(
            ExportVisibility.AllowedFormats(admin, ExportFormat.BuiltIn),
            ExportVisibility.AllowedFormats(owner, ExportFormat.BuiltIn));
        Assert.Superset(RolePermissionMap.AuditGovernance.Permissions("admin").ToHashSet(), RolePermissionMap.AuditGovernance.Permissions("owner").ToHashSet());
    }
}

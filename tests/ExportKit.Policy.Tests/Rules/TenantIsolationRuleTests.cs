using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Rules;

public sealed class TenantIsolationRuleTests
{
    private readonly IExportPolicyRule rule = ExportPolicyRules.TenantIsolation;

    [Fact]
    public void Is_named_tenant_isolation() => Assert.Equal("tenant-isolation", rule.Name);

    [Fact]
    public void Allows_the_principals_own_tenant()
    {
        var context = Run(rule, Query(tenantId: Tenant), Principal());

        Assert.Empty(context.Violations);
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void Denies_another_tenant_without_permission()
    {
        var context = Run(rule, Query(tenantId: OtherTenant), Principal(roles: [ExportRoles.Admin]));

        Assert.Equal(["Cross-tenant export access denied"], context.Violations);
    }

    [Fact]
    public void Compares_tenant_ids_exactly()
    {
        var context = Run(rule, Query(tenantId: "Tenant-A"), Principal());

        Assert.Equal(["Cross-tenant export access denied"], context.Violations);
    }

    [Theory]
    [InlineData(ExportPermissions.CrossTenant)]
    [InlineData(ExportPermissions.FederationAdmin)]
    public void Allows_another_tenant_with_either_permission(string permission)
    {
        var context = Run(rule, Query(tenantId: OtherTenant), Principal(permissions: [permission]));

        Assert.Empty(context.Violations);
    }
}

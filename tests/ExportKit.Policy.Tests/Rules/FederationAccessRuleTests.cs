using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Rules;

public sealed class FederationAccessRuleTests
{
    private const string Federation = "fed-north";
    private readonly IExportPolicyRule rule = ExportPolicyRules.FederationAccess;

    [Fact]
    public void Is_named_federation_access() => Assert.Equal("federation-access", rule.Name);

    [Fact]
    public void Does_not_apply_when_the_scope_names_no_federation()
    {
        var context = Run(rule, Query(), Principal());

        Assert.Empty(context.Violations);
    }

    [Fact]
    public void Denies_a_non_member_without_permission()
    {
        var context = Run(rule, Query(federationId: Federation), Principal(roles: [ExportRoles.Admin], permissions: [ExportPermissions.CrossTenant]));

        Assert.Equal(["Federation export access denied"], context.Violations);
    }

    [Fact]
    public void Denies_a_member_of_another_federation()
    {
        var context = Run(rule, Query(federationId: Federation), Principal(federationId: "fed-south"));

        Assert.Equal(["Federation export access denied"], context.Violations);
    }

    [Fact]
    public void Allows_a_member_of_the_federation()
    {
        var context = Run(rule, Query(federationId: Federation), Principal(federationId: Federation));

        Assert.Empty(context.Violations);
    }

    [Fact]
    public void Allows_the_explicit_permission_for_the_federation()
    {
        var context = Run(rule, Query(federationId: Federation), Principal(permissions: ["export:federation:fed-north"]));

        Assert.Empty(context.Violations);
    }

    [Fact]
    public void Denies_the_explicit_permission_for_another_federation()
    {
        var context = Run(rule, Query(federationId: Federation), Principal(permissions: [ExportPermissions.Federation("fed-south")]));

        Assert.Equal(["Federation export access denied"], context.Violations);
    }

    [Fact]
    public void Allows_a_federation_admin()
    {
        var context = Run(rule, Query(federationId: Federation), Principal(permissions: [ExportPermissions.FederationAdmin]));

        Assert.Empty(context.Violations);
    }
}

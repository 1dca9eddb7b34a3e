using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Rules;

public sealed class ComplianceRestrictionsRuleTests
{
    private readonly IExportPolicyRule rule = ExportPolicyRules.ComplianceRestrictions;

    [Fact]
    public void Is_named_compliance_restrictions() => Assert.Equal("compliance-restrictions", rule.Name);

    [Fact]
    public void Denies_the_compliance_pack_without_role_or_permission()
    {
        var context = Run(rule, Query(ExportCategory.CompliancePack), Principal(roles: ["operator"], permissions: [ExportPermissions.ExecutiveView]));

        Assert.Equal(["Compliance pack exports require auditor role or permission"], context.Violations);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("executive")]
    [InlineData("admin")]
    [InlineData("Auditor")]
    public void Allows_the_compliance_pack_with_role(string role)
    {
        var context = Run(rule, Query(ExportCategory.CompliancePack), Principal(roles: [role]));

        Assert.Empty(context.Violations);
    }

    [Fact]
    public void Allows_the_compliance_pack_with_the_compliance_pack_permission()
    {
        var context = Run(rule, Query(ExportCategory.CompliancePack), Principal(permissions: [ExportPermissions.CompliancePack]));

        Assert.Empty(context.Violations);
    }

    [Fact]
    public void Does_not_apply_to_other_categories()
    {
        foreach (var category in ExportCategory.BuiltIn.Where(c => !c.Equals(ExportCategory.CompliancePack)))
        {
            var context = Run(rule, Query(category), Principal());

            Assert.Empty(context.Violations);
        }
    }
}

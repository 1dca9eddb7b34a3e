using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Rules;

public sealed class ExecutivePermissionsRuleTests
{
    private readonly IExportPolicyRule rule = ExportPolicyRules.ExecutivePermissions;

    public static TheoryData<string> ExecutiveCategories => ["executive-summary", "full-operational"];

    [Fact]
    public void Is_named_executive_permissions() => Assert.Equal("executive-permissions", rule.Name);

    [Theory]
    [MemberData(nameof(ExecutiveCategories))]
    public void Denies_an_executive_category_without_role_or_permission(string category)
    {
        var context = Run(rule, Query(new ExportCategory(category)), Principal(roles: [ExportRoles.Auditor], permissions: [ExportPermissions.CompliancePack]));

        Assert.Equal(["Executive-level exports require executive permissions"], context.Violations);
    }

    [Theory]
    [InlineData("executive-summary", "executive")]
    [InlineData("executive-summary", "admin")]
    [InlineData("executive-summary", "EXECUTIVE")]
    [InlineData("full-operational", "executive")]
    [InlineData("full-operational", "Admin")]
    public void Allows_an_executive_category_with_role(string category, string role)
    {
        var context = Run(rule, Query(new ExportCategory(category)), Principal(roles: [role]));

        Assert.Empty(context.Violations);
    }

    [Theory]
    [MemberData(nameof(ExecutiveCategories))]
    public void Allows_an_executive_category_with_the_executive_view_permission(string category)
    {
        var context = Run(rule, Query(new ExportCategory(category)), Principal(permissions: [ExportPermissions.ExecutiveView]));

        Assert.Empty(context.Violations);
    }

    [Fact]
    public void Does_not_apply_to_other_categories()
    {
        foreach (var category in ExportCategory.BuiltIn.Where(c => !c.Equals(ExportCategory.ExecutiveSummary) && !c.Equals(ExportCategory.FullOperational)))
        {
            var context = Run(rule, Query(category), Principal());

            Assert.Empty(context.Violations);
        }
    }
}

using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Rules;

public sealed class FormatRestrictionsRuleTests
{
    private readonly IExportPolicyRule rule = ExportPolicyRules.FormatRestrictions;

    [Fact]
    public void Is_named_format_restrictions() => Assert.Equal("format-restrictions", rule.Name);

    [Theory]
    [InlineData("zip")]
    [InlineData("auditor-package")]
    public void Denies_a_bundle_format_without_permission_naming_the_format(string value)
    {
        Assert.True(ExportFormat.TryGetBuiltIn(value, out var format));

        var context = Run(rule, Query(format: format), Principal(roles: [ExportRoles.Admin]));

        Assert.Equal([$"Format '{value}' requires export:bundle-formats permission"], context.Violations);
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("auditor-package")]
    public void Allows_a_bundle_format_with_the_bundle_formats_permission(string value)
    {
        Assert.True(ExportFormat.TryGetBuiltIn(value, out var format));

        var context = Run(rule, Query(format: format), Principal(permissions: [ExportPermissions.BundleFormats]));

        Assert.Empty(context.Violations);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    [InlineData("markdown")]
    public void Does_not_apply_to_single_file_formats(string value)
    {
        Assert.True(ExportFormat.TryGetBuiltIn(value, out var format));

        var context = Run(rule, Query(format: format), Principal());

        Assert.Empty(context.Violations);
    }
}

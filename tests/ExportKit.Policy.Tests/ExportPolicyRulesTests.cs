namespace ExportKit.Policy.Tests;

public sealed class ExportPolicyRulesTests
{
    [Fact]
    public void Default_holds_the_six_rules_in_the_seeds_order()
    {
        Assert.Equal(
            ["tenant-isolation", "federation-access", "executive-permissions", "compliance-restrictions", "data-retention", "format-restrictions"],
            ExportPolicyRules.Default.Select(r => r.Name));
    }

    [Fact]
    public void Default_is_made_of_the_named_rules()
    {
        Assert.Equal(
            [
                ExportPolicyRules.TenantIsolation, ExportPolicyRules.FederationAccess, ExportPolicyRules.ExecutivePermissions,
                ExportPolicyRules.ComplianceRestrictions, ExportPolicyRules.DataRetention, ExportPolicyRules.FormatRestrictions,
            ],
            ExportPolicyRules.Default);
    }

    [Fact]
    public void Default_cannot_be_changed_by_a_caller()
    {
        var list = Assert.IsAssignableFrom<IList<IExportPolicyRule>>(ExportPolicyRules.Default);

        Assert.True(list.IsReadOnly);
    }
}

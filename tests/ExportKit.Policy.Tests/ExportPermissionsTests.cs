namespace ExportKit.Policy.Tests;

public sealed class ExportPermissionsTests
{
    [Fact]
    public void Uses_the_seeds_permission_names()
    {
        Assert.Equal("export:cross-tenant", ExportPermissions.CrossTenant);
        Assert.Equal("export:federation-admin", ExportPermissions.FederationAdmin);
        Assert.Equal("export:executive-view", ExportPermissions.ExecutiveView);
        Assert.Equal("export:compliance-pack", ExportPermissions.CompliancePack);
        Assert.Equal("export:long-range", ExportPermissions.LongRange);
        Assert.Equal("export:bundle-formats", ExportPermissions.BundleFormats);
    }

    [Fact]
    public void Federation_names_the_federation() =>
        Assert.Equal("export:federation:fed-north", ExportPermissions.Federation("fed-north"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Federation_refuses_a_missing_id(string? federationId) =>
        Assert.Throws<ArgumentException>(nameof(federationId), () => ExportPermissions.Federation(federationId!));
}

namespace ExportKit.Policy.Tests;

public sealed class ExportRolesTests
{
    [Fact]
    public void Uses_the_seeds_role_names()
    {
        Assert.Equal("executive", ExportRoles.Executive);
        Assert.Equal("admin", ExportRoles.Admin);
        Assert.Equal("auditor", ExportRoles.Auditor);
    }
}

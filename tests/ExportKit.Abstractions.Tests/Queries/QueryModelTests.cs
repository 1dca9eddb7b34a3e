namespace ExportKit.Abstractions.Tests.Queries;

public sealed class QueryModelTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_scope_needs_a_tenant(string tenant)
    {
        var error = Assert.Throws<ArgumentException>(() => new ExportScope(tenant));

        Assert.Contains("needs a tenant id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_contains_its_tenant_and_facility_only()
    {
        var scope = new ExportScope("acme", "f1");

        Assert.True(scope.Contains("acme", "f1"));
        Assert.False(scope.Contains("acme", "f2"));
        Assert.False(scope.Contains("ACME", "f1"));
        Assert.True(new ExportScope("acme").Contains("acme", null));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused_naming_both_ends()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExportTimeRange(Noon, Noon.AddDays(-1)));

        Assert.Contains("2026-02-28T12:00:00.0000000Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("give an end after the start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_is_half_open_and_kept_in_utc()
    {
        var range = new ExportTimeRange(Noon.ToOffset(TimeSpan.FromHours(5)), Noon.AddDays(1));

        Assert.Equal(TimeSpan.Zero, range.Start.Offset);
        Assert.True(range.Contains(Noon));
        Assert.False(range.Contains(Noon.AddDays(1)));
        Assert.Equal(TimeSpan.FromDays(30), ExportTimeRange.LastDays(Noon, 30).Duration);
    }

    [Fact]
    public void A_principal_compares_roles_without_case_and_permissions_exactly()
    {
        var principal = new ExportPrincipal("u", "acme", ["Auditor"], ["export:long-range"]);

        Assert.True(principal.HasRole("auditor"));
        Assert.True(principal.HasPermission("export:long-range"));
        Assert.False(principal.HasPermission("EXPORT:LONG-RANGE"));
        Assert.Throws<ArgumentException>(() => new ExportPrincipal("u", "acme", [" "]));
        Assert.Throws<ArgumentException>(() => new ExportPrincipal("", "acme"));
    }

    [Fact]
    public void A_query_needs_who_requested_it()
    {
        Assert.Throws<ArgumentException>(() => new ExportQuery(ExportCategory.Reports, ExportFormat.Json, new ExportScope("acme"), " "));
        Assert.Throws<ArgumentNullException>(() => new ExportQuery(null!, ExportFormat.Json, new ExportScope("acme"), "u"));
    }
}

using ExportKit.Testing;
using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Rules;

public sealed class DataRetentionRuleTests
{
    private const string Violation = "Time range exceeds 90 days. Requires export:long-range permission";
    private const string Warning = "Long-range exports may have reduced data availability or increased generation time";
    private static readonly ExportTimeRange NinetyDays = new(TestClock.Now.AddDays(-90), TestClock.Now);
    private static readonly ExportTimeRange NinetyDaysAndASecond = new(TestClock.Now.AddDays(-90).AddSeconds(-1), TestClock.Now);
    private readonly IExportPolicyRule rule = ExportPolicyRules.DataRetention;

    [Fact]
    public void Is_named_data_retention() => Assert.Equal("data-retention", rule.Name);

    [Fact]
    public void Allows_exactly_90_days_without_permission_or_warning()
    {
        var context = Run(rule, Query(), Principal(), NinetyDays);

        Assert.Empty(context.Violations);
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void Denies_90_days_and_one_second_without_permission()
    {
        var context = Run(rule, Query(), Principal(roles: [ExportRoles.Admin]), NinetyDaysAndASecond);

        Assert.Equal([Violation], context.Violations);
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void Warns_but_allows_a_long_range_with_the_long_range_permission()
    {
        var context = Run(rule, Query(), Principal(permissions: [ExportPermissions.LongRange]), NinetyDaysAndASecond);

        Assert.Empty(context.Violations);
        Assert.Equal([Warning], context.Warnings);
    }

    [Fact]
    public void Reads_the_contexts_time_range_not_the_querys()
    {
        var query = Query() with { TimeRange = NinetyDays };

        var context = Run(rule, query, Principal(), ExportTimeRange.LastDays(TestClock.Now, 365));

        Assert.Equal([Violation], context.Violations);
    }
}

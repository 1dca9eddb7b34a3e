using ExportKit.Testing;
using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests;

public sealed class ExportPolicyEngineTests
{
    private const string NoPrincipal = "No principal: an export needs an authenticated principal (user, tenant, roles and permissions).";
    private static readonly ExportTimeRange LongRange = ExportTimeRange.LastDays(TestClock.Now, 120);

    [Fact]
    public void Allows_a_plain_export_and_says_every_rule_passed()
    {
        var decision = new ExportPolicyEngine().Evaluate(Query(), Principal(), ThirtyDays);

        Assert.True(decision.Allowed);
        Assert.Equal("All 6 policy rules passed", decision.Reason);
        Assert.Empty(decision.Violations);
        Assert.Empty(decision.Warnings);
    }

    [Fact]
    public void Counts_warnings_in_the_reason_when_allowed()
    {
        var decision = new ExportPolicyEngine().Evaluate(Query(), Principal(permissions: [ExportPermissions.LongRange]), LongRange);

        Assert.True(decision.Allowed);
        Assert.Equal("All 6 policy rules passed with 1 warning(s)", decision.Reason);
        Assert.Equal(["Long-range exports may have reduced data availability or increased generation time"], decision.Warnings);
    }

    [Fact]
    public void Collects_every_violation_in_rule_order_and_joins_them_in_the_reason()
    {
        var query = Query(ExportCategory.CompliancePack, ExportFormat.AuditorPackage, OtherTenant, "fed-north");

        var decision = new ExportPolicyEngine().Evaluate(query, Principal(), LongRange);

        string[] expected =
        [
            "Cross-tenant export access denied",
            "Federation export access denied",
            "Compliance pack exports require auditor role or permission",
            "Time range exceeds 90 days. Requires export:long-range permission",
            "Format 'auditor-package' requires export:bundle-formats permission",
        ];
        Assert.False(decision.Allowed);
        Assert.Equal(expected, decision.Violations);
        Assert.Equal(string.Join("; ", expected), decision.Reason);
    }

    [Fact]
    public void Collects_the_executive_violation_with_the_others()
    {
        var decision = new ExportPolicyEngine().Evaluate(Query(ExportCategory.ExecutiveSummary, ExportFormat.Zip), Principal(), ThirtyDays);

        Assert.False(decision.Allowed);
        Assert.Equal(
            ["Executive-level exports require executive permissions", "Format 'zip' requires export:bundle-formats permission"],
            decision.Violations);
    }

    [Fact]
    public void Keeps_warnings_when_denied()
    {
        var decision = new ExportPolicyEngine().Evaluate(
            Query(format: ExportFormat.Zip), Principal(permissions: [ExportPermissions.LongRange]), LongRange);

        Assert.False(decision.Allowed);
        Assert.Equal("Format 'zip' requires export:bundle-formats permission", decision.Reason);
        Assert.Single(decision.Warnings);
    }

    [Fact]
    public void Denies_without_a_principal_and_runs_no_rule()
    {
        var rule = new RecordingRule("recording");

        var decision = new ExportPolicyEngine([rule]).Evaluate(Query(), null, ThirtyDays);

        Assert.False(decision.Allowed);
        Assert.Equal(NoPrincipal, decision.Reason);
        Assert.Equal([NoPrincipal], decision.Violations);
        Assert.Empty(decision.Warnings);
        Assert.Equal(0, rule.Calls);
    }

    [Fact]
    public void Denies_when_a_rule_throws_and_still_runs_the_other_rules()
    {
        var after = new RecordingRule("after");
        var engine = new ExportPolicyEngine([new ThrowingRule(), after]);

        var decision = engine.Evaluate(Query(), Principal(), ThirtyDays);

        Assert.False(decision.Allowed);
        Assert.Equal(["Policy rule 'throwing' failed: lookup service unavailable"], decision.Violations);
        Assert.Equal(1, after.Calls);
    }

    [Fact]
    public void Runs_custom_rules_in_the_order_given_and_counts_them_in_the_reason()
    {
        var engine = new ExportPolicyEngine([.. ExportPolicyRules.Default, new RecordingRule("custom", warning: "custom warning")]);

        var decision = engine.Evaluate(Query(), Principal(permissions: [ExportPermissions.LongRange]), LongRange);

        Assert.True(decision.Allowed);
        Assert.Equal("All 7 policy rules passed with 2 warning(s)", decision.Reason);
        Assert.Equal("custom warning", decision.Warnings[^1]);
    }

    [Fact]
    public void Refuses_a_null_rule_list() =>
        Assert.Throws<ArgumentNullException>("rules", () => new ExportPolicyEngine(null!));

    [Fact]
    public void Refuses_an_empty_rule_list()
    {
        var error = Assert.Throws<ArgumentException>("rules", () => new ExportPolicyEngine([]));

        Assert.Contains("at least one rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_null_rule() =>
        Assert.Throws<ArgumentException>("rules", () => new ExportPolicyEngine([ExportPolicyRules.TenantIsolation, null!]));

    [Fact]
    public void Refuses_duplicate_rule_names_naming_the_duplicate()
    {
        var error = Assert.Throws<ArgumentException>(
            "rules", () => new ExportPolicyEngine([.. ExportPolicyRules.Default, new RecordingRule("Tenant-Isolation")]));

        Assert.Contains("'Tenant-Isolation'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_rule_with_a_blank_name() =>
        Assert.Throws<ArgumentException>("rules", () => new ExportPolicyEngine([new RecordingRule(" ")]));

    [Fact]
    public void Guards_the_query_and_time_range()
    {
        var engine = new ExportPolicyEngine();

        Assert.Throws<ArgumentNullException>("query", () => engine.Evaluate(null!, Principal(), ThirtyDays));
        Assert.Throws<ArgumentNullException>("timeRange", () => engine.Evaluate(Query(), Principal(), null!));
    }

    private sealed class ThrowingRule : IExportPolicyRule
    {
        public string Name => "throwing";

        public void Evaluate(PolicyEvaluationContext context) => throw new InvalidOperationException("lookup service unavailable");
    }

    private sealed class RecordingRule(string name, string? warning = null) : IExportPolicyRule
    {
        public int Calls { get; private set; }

        public string Name => name;

        public void Evaluate(PolicyEvaluationContext context)
        {
            Calls++;
            if (warning is not null)
            {
                context.AddWarning(warning);
            }
        }
    }
}

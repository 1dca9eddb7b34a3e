using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Phases;

/// <summary>
/// Regression: a member was refused executive-summary but got the same insights and reports through the insights and
/// reports categories. Sensitivity now belongs to the data (phases 58 and 59), whichever category carries it.
/// </summary>
public sealed class PhaseRestrictionTests
{
    private static readonly ExportPhase EnergyPhase = new(70, "energy-usage", "Energy Usage Engine", "energy-reading");
    private static readonly ExportCategory EnergyCategory = new("energy-report");

    public static TheoryData<string> ExecutiveDataCategories() => ["executive-summary", "insights", "reports", "full-operational"];

    public static TheoryData<string[], string[]> ExecutivePrincipals() => new()
    {
        { [ExportRoles.Executive], [] },
        { [ExportRoles.Admin], [] },
        { ["member"], [ExportPermissions.ExecutiveView] },
    };

    [Theory]
    [MemberData(nameof(ExecutiveDataCategories))]
    public void A_member_is_refused_every_category_that_carries_phase_58_or_59(string category)
    {
        var decision = new ExportPolicyEngine().Evaluate(Query(new ExportCategory(category)), Principal(roles: ["member"]), ThirtyDays);

        Assert.False(decision.Allowed);
        Assert.Equal([PhaseRestrictions.ExecutiveViolation], decision.Violations);
        Assert.Equal("Executive-level exports require executive permissions", decision.Reason);
    }

    [Theory]
    [MemberData(nameof(ExecutivePrincipals))]
    public void Executives_admins_and_holders_of_executive_view_may_export_every_one_of_them(string[] roles, string[] permissions)
    {
        var engine = new ExportPolicyEngine();

        foreach (var category in new[] { ExportCategory.ExecutiveSummary, ExportCategory.Insights, ExportCategory.Reports, ExportCategory.FullOperational })
        {
            Assert.True(engine.Evaluate(Query(category), Principal(roles, permissions), ThirtyDays).Allowed, category.Value);
        }
    }

    [Fact]
    public void Categories_without_executive_data_stay_open_to_a_member()
    {
        var engine = new ExportPolicyEngine();
        var open = ExportCategory.BuiltIn.Where(c => engine.Evaluate(Query(c), Principal(roles: ["member"]), ThirtyDays).Allowed).Select(c => c.Value);

        Assert.Equal(
            ["operational-snapshot", "audit-findings", "drift-logs", "alert-logs", "task-logs", "operator-analytics", "real-time-metrics", "capacity-forecasts", "schedules"],
            open);
    }

    [Fact]
    public void A_rule_cannot_lift_a_phase_restriction()
    {
        var engine = new ExportPolicyEngine([new SilentRule()]);

        var decision = engine.Evaluate(Query(ExportCategory.Insights), Principal(roles: ["member"]), ThirtyDays);

        Assert.False(decision.Allowed);
    }

    [Fact]
    public void A_host_restriction_on_its_own_phase_governs_its_own_category()
    {
        var options = new ExportPolicyOptions();
        options.PhaseRestrictions.Add(new PhaseRestriction(EnergyPhase, ["energy-officer"], ["export:energy"], "Energy data requires the energy-officer role"));
        var engine = new ExportPolicyEngine(ExportPolicyRules.Default, options, new HostCategories());

        var refused = engine.Evaluate(Query(EnergyCategory), Principal(roles: ["member"]), ThirtyDays);
        var byRole = engine.Evaluate(Query(EnergyCategory), Principal(roles: ["Energy-Officer"]), ThirtyDays);
        var byPermission = engine.Evaluate(Query(EnergyCategory), Principal(permissions: ["export:energy"]), ThirtyDays);

        Assert.Equal(["Energy data requires the energy-officer role"], refused.Violations);
        Assert.True(byRole.Allowed);
        Assert.True(byPermission.Allowed);
        Assert.False(engine.Evaluate(Query(ExportCategory.Reports), Principal(roles: ["energy-officer"]), ThirtyDays).Allowed);
    }

    [Fact]
    public void Visibility_agrees_with_the_engine_for_host_restrictions_and_categories()
    {
        var options = new ExportPolicyOptions();
        options.PhaseRestrictions.Add(new PhaseRestriction(EnergyPhase, ["energy-officer"], [], "Energy data requires the energy-officer role"));
        ExportCategory[] categories = [EnergyCategory, ExportCategory.AuditFindings, ExportCategory.Insights];

        Assert.Equal([ExportCategory.AuditFindings], ExportVisibility.AllowedCategories(Principal(roles: ["member"]), categories, options, new HostCategories()));
        Assert.Equal([EnergyCategory, ExportCategory.AuditFindings], ExportVisibility.AllowedCategories(Principal(roles: ["energy-officer"]), categories, options, new HostCategories()));
    }

    [Fact]
    public void The_context_tells_rules_which_phases_the_category_reads()
    {
        var rule = new PhaseRecordingRule();

        _ = new ExportPolicyEngine([rule]).Evaluate(Query(ExportCategory.ExecutiveSummary), Principal(), ThirtyDays);

        Assert.Equal([ExportPhase.Insights, ExportPhase.Reports], rule.Phases);
    }

    [Fact]
    public void A_restriction_names_what_is_wrong()
    {
        var none = Assert.Throws<ArgumentException>("roles", () => new PhaseRestriction(EnergyPhase, [], [], "x"));
        Assert.Contains("'energy-usage' names no role and no permission", none.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("roles", () => new PhaseRestriction(EnergyPhase, [" "], [], "x"));
        Assert.Throws<ArgumentException>("violation", () => new PhaseRestriction(EnergyPhase, ["a"], [], " "));
        var options = new ExportPolicyOptions();
        options.PhaseRestrictions.Add(null!);
        Assert.Throws<ArgumentException>("options", () => new ExportPolicyEngine(ExportPolicyRules.Default, options, new HostCategories()));
    }

    [Fact]
    public void The_defaults_restrict_phases_58_and_59_like_executive_summary()
    {
        Assert.Equal([ExportPhase.Insights, ExportPhase.Reports], new ExportPolicyOptions().PhaseRestrictions.Select(r => r.Phase));
        Assert.All(PhaseRestrictions.Default, r =>
        {
            Assert.Equal([ExportRoles.Executive, ExportRoles.Admin], r.Roles);
            Assert.Equal([ExportPermissions.ExecutiveView], r.Permissions);
            Assert.Equal("Executive-level exports require executive permissions", r.Violation);
        });
    }

    private sealed class HostCategories : IExportCategoryPhases
    {
        public IReadOnlyList<ExportPhase>? FindPhases(ExportCategory category) =>
            category.Equals(EnergyCategory) ? [EnergyPhase, ExportPhase.AuditFindings]
            : category.Equals(ExportCategory.AuditFindings) ? [ExportPhase.AuditFindings]
            : category.Equals(ExportCategory.Insights) ? [ExportPhase.Insights]
            : category.Equals(ExportCategory.Reports) ? [ExportPhase.Reports]
            : null;
    }

    private sealed class SilentRule : IExportPolicyRule
    {
        public string Name => "silent";

        public void Evaluate(PolicyEvaluationContext context)
        {
        }
    }

    private sealed class PhaseRecordingRule : IExportPolicyRule
    {
        public IReadOnlyList<ExportPhase> Phases { get; private set; } = [];

        public string Name => "record-phases";

        public void Evaluate(PolicyEvaluationContext context) => Phases = context.Phases;
    }
}

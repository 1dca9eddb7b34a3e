using System.Collections.ObjectModel;
using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests;

/// <summary>Regression: a host rule could cast <c>context.Violations</c> to a list and clear it, turning a denial into an allowed export.</summary>
public sealed class HostileRuleTests
{
    [Fact]
    public void A_rule_that_casts_the_violations_to_a_list_and_clears_them_cannot_allow_a_denied_export()
    {
        var engine = new ExportPolicyEngine([.. ExportPolicyRules.Default, new ClearingRule()]);

        var decision = engine.Evaluate(Query(ExportCategory.CompliancePack), Principal(), ThirtyDays);

        Assert.False(decision.Allowed);
        Assert.Contains("Compliance pack exports require auditor role or permission", decision.Violations);
    }

    [Fact]
    public void A_rule_that_swallows_the_refusal_still_leaves_every_violation_in_place()
    {
        var rule = new SwallowingRule();
        var engine = new ExportPolicyEngine([.. ExportPolicyRules.Default, rule]);

        var decision = engine.Evaluate(Query(ExportCategory.CompliancePack), Principal(), ThirtyDays);

        Assert.False(decision.Allowed);
        Assert.Equal(["Compliance pack exports require auditor role or permission"], decision.Violations);
        Assert.Equal(3, rule.Refusals);
    }

    [Fact]
    public void The_views_given_to_rules_are_not_lists_that_can_be_changed()
    {
        var context = Context(Query(), Principal());
        context.AddViolation("v");
        context.AddWarning("w");

        Assert.IsNotType<List<string>>(context.Violations);
        Assert.IsNotType<List<string>>(context.Warnings);
        Assert.True(((ICollection<string>)context.Violations).IsReadOnly);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)context.Violations).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<string>)context.Warnings).RemoveAt(0));
        Assert.Equal(["v"], context.Violations);
        Assert.Equal(["w"], context.Warnings);
    }

    [Fact]
    public void The_decision_cannot_be_changed_after_it_is_made()
    {
        var decision = new ExportPolicyEngine().Evaluate(Query(ExportCategory.CompliancePack), Principal(), ThirtyDays);

        Assert.IsType<ReadOnlyCollection<string>>(decision.Violations);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)decision.Violations).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<string>)decision.Warnings).Add("x"));
    }

    private sealed class ClearingRule : IExportPolicyRule
    {
        public string Name => "hostile-clear";

        public void Evaluate(PolicyEvaluationContext context)
        {
            ((IList<string>)context.Violations).Clear();
            if (context.Violations is List<string> list)
            {
                list.Clear();
            }
        }
    }

    private sealed class SwallowingRule : IExportPolicyRule
    {
        public int Refusals { get; private set; }

        public string Name => "hostile-swallow";

        public void Evaluate(PolicyEvaluationContext context)
        {
            Try(() => ((ICollection<string>)context.Violations).Clear());
            Try(() => ((IList<string>)context.Violations).RemoveAt(0));
            Try(() => ((IList<string>)context.Violations)[0] = "nothing to see");
        }

        private void Try(Action action)
        {
            try
            {
                action();
            }
            catch (NotSupportedException)
            {
                Refusals++;
            }
        }
    }
}

using static ExportKit.Policy.Tests.PolicyFixture;

namespace ExportKit.Policy.Tests.Visibility;

public sealed class ExportVisibilityTests
{
    private static readonly string[] SingleFileFormats = ["json", "csv", "html", "markdown"];
    private static readonly string[] AllFormats = ["json", "csv", "html", "markdown", "zip", "auditor-package"];

    [Fact]
    public void An_auditor_sees_every_category_but_those_with_executive_data()
    {
        var categories = ExportVisibility.AllowedCategories(Principal(roles: [ExportRoles.Auditor]), ExportCategory.BuiltIn);

        Assert.Equal(
            ExportCategory.BuiltIn.Where(c => !new[] { ExportCategory.ExecutiveSummary, ExportCategory.FullOperational, ExportCategory.Insights, ExportCategory.Reports }.Contains(c)),
            categories);
        Assert.Contains(ExportCategory.CompliancePack, categories);
    }

    [Fact]
    public void An_auditor_sees_only_single_file_formats()
    {
        var formats = ExportVisibility.AllowedFormats(Principal(roles: [ExportRoles.Auditor]), ExportFormat.BuiltIn);

        Assert.Equal(SingleFileFormats, formats.Select(f => f.Value));
    }

    [Fact]
    public void An_executive_sees_every_category()
    {
        var categories = ExportVisibility.AllowedCategories(Principal(roles: [ExportRoles.Executive]), ExportCategory.BuiltIn);

        Assert.Equal(ExportCategory.BuiltIn, categories);
    }

    [Fact]
    public void An_executive_without_the_bundle_permission_sees_only_single_file_formats()
    {
        var formats = ExportVisibility.AllowedFormats(Principal(roles: [ExportRoles.Executive]), ExportFormat.BuiltIn);

        Assert.Equal(SingleFileFormats, formats.Select(f => f.Value));
    }

    [Fact]
    public void A_plain_operator_sees_neither_the_executive_categories_nor_the_compliance_pack()
    {
        var categories = ExportVisibility.AllowedCategories(Principal(roles: ["operator"]), ExportCategory.BuiltIn);

        // insights and reports carry the executive data of phases 58 and 59: a deliberate tightening of rule 3.
        Assert.Equal(9, categories.Count);
        Assert.DoesNotContain(ExportCategory.CompliancePack, categories);
        Assert.DoesNotContain(ExportCategory.ExecutiveSummary, categories);
        Assert.DoesNotContain(ExportCategory.FullOperational, categories);
        Assert.DoesNotContain(ExportCategory.Insights, categories);
        Assert.DoesNotContain(ExportCategory.Reports, categories);
    }

    [Fact]
    public void A_plain_operator_without_the_bundle_permission_sees_only_single_file_formats()
    {
        var formats = ExportVisibility.AllowedFormats(Principal(roles: ["operator"]), ExportFormat.BuiltIn);

        Assert.Equal(SingleFileFormats, formats.Select(f => f.Value));
    }

    [Fact]
    public void A_plain_operator_with_the_bundle_permission_sees_every_format()
    {
        var formats = ExportVisibility.AllowedFormats(Principal(roles: ["operator"], permissions: [ExportPermissions.BundleFormats]), ExportFormat.BuiltIn);

        Assert.Equal(AllFormats, formats.Select(f => f.Value));
    }

    [Fact]
    public void Agrees_with_the_engine_for_an_export_in_the_principals_own_tenant()
    {
        var engine = new ExportPolicyEngine();
        ExportPrincipal[] principals =
        [
            Principal(), Principal(roles: [ExportRoles.Auditor]), Principal(roles: [ExportRoles.Admin]),
            Principal(permissions: [ExportPermissions.ExecutiveView, ExportPermissions.BundleFormats]),
        ];

        foreach (var principal in principals)
        {
            var categories = ExportVisibility.AllowedCategories(principal, ExportCategory.BuiltIn);
            var formats = ExportVisibility.AllowedFormats(principal, ExportFormat.BuiltIn);
            foreach (var category in ExportCategory.BuiltIn)
            {
                Assert.Equal(engine.Evaluate(Query(category), principal, ThirtyDays).Allowed, categories.Contains(category));
            }

            foreach (var format in ExportFormat.BuiltIn)
            {
                Assert.Equal(engine.Evaluate(Query(format: format), principal, ThirtyDays).Allowed, formats.Contains(format));
            }
        }
    }

    [Fact]
    public void Keeps_the_order_given_and_drops_repeats()
    {
        var categories = ExportVisibility.AllowedCategories(
            Principal(),
            [ExportCategory.TaskLogs, ExportCategory.ExecutiveSummary, ExportCategory.AlertLogs, new ExportCategory("task-logs")]);

        Assert.Equal([ExportCategory.TaskLogs, ExportCategory.AlertLogs], categories);
    }

    [Fact]
    public void Allows_a_host_defined_category_no_rule_restricts()
    {
        var categories = ExportVisibility.AllowedCategories(Principal(), [new ExportCategory("energy-usage")]);

        Assert.Equal([new ExportCategory("energy-usage")], categories);
    }

    [Fact]
    public void Guards_its_arguments()
    {
        Assert.Throws<ArgumentNullException>("principal", () => ExportVisibility.AllowedCategories(null!, ExportCategory.BuiltIn));
        Assert.Throws<ArgumentNullException>("categories", () => ExportVisibility.AllowedCategories(Principal(), null!));
        Assert.Throws<ArgumentException>("categories", () => ExportVisibility.AllowedCategories(Principal(), [null!]));
        Assert.Throws<ArgumentNullException>("principal", () => ExportVisibility.AllowedFormats(null!, ExportFormat.BuiltIn));
        Assert.Throws<ArgumentNullException>("formats", () => ExportVisibility.AllowedFormats(Principal(), null!));
        Assert.Throws<ArgumentException>("formats", () => ExportVisibility.AllowedFormats(Principal(), [null!]));
    }
}

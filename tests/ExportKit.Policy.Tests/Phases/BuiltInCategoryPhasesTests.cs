using ExportKit.Assembly;

namespace ExportKit.Policy.Tests.Phases;

public sealed class BuiltInCategoryPhasesTests
{
    [Fact]
    public void The_policys_built_in_category_phases_agree_with_the_builders_definitions()
    {
        Assert.Equal(14, ExportCategories.BuiltIn.Count);
        foreach (var definition in ExportCategories.BuiltIn)
        {
            var phases = BuiltInCategoryPhases.Instance.FindPhases(definition.Category);

            Assert.NotNull(phases);
            Assert.Equal(definition.Phases.Select(p => p.Number).Order(), phases.Select(p => p.Number).Order());
        }

        Assert.Null(BuiltInCategoryPhases.Instance.FindPhases(new ExportCategory("energy-report")));
    }
}

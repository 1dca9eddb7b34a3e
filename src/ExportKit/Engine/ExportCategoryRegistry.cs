using ExportKit.Assembly;

namespace ExportKit.Engine;

/// <summary>
/// The categories an engine knows: the fourteen built in, then the host's (which replace a built-in of the same id).
/// It also tells the policy engine which phases each category reads, so phase restrictions govern host categories too.
/// </summary>
internal sealed class ExportCategoryRegistry : IExportCategoryPhases
{
    private readonly Dictionary<ExportCategory, ExportCategoryDefinition> definitions = [];

    public ExportCategoryRegistry(IEnumerable<ExportCategoryDefinition> hostDefinitions)
    {
        foreach (var definition in ExportCategories.BuiltIn.Concat(hostDefinitions))
        {
            definitions[definition.Category] = definition;
        }
    }

    public IEnumerable<ExportCategory> Categories => definitions.Keys;

    public ExportCategoryDefinition? Find(ExportCategory category) => definitions.GetValueOrDefault(category);

    public IReadOnlyList<ExportPhase>? FindPhases(ExportCategory category) => Find(category)?.Phases;
}

namespace ExportKit;

/// <summary>
/// Tells the policy engine which phases a category reads, so that a restriction on a phase's data governs every
/// category that carries it, built in or defined by the host.
/// </summary>
public interface IExportCategoryPhases
{
    /// <summary>Finds the phases a category reads.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The distinct phases, or <see langword="null"/> when the category is unknown.</returns>
    IReadOnlyList<ExportPhase>? FindPhases(ExportCategory category);
}

namespace ExportKit;

/// <summary>The fluent entry point on an engine: <c>engine.Export(category)</c>.</summary>
public static class ExportEngineExtensions
{
    /// <summary>Starts describing an export of a category.</summary>
    /// <param name="engine">The engine that will run it.</param>
    /// <param name="category">What to export.</param>
    /// <returns>A request to complete with <c>As</c>, <c>ForTenant</c>, <c>Between</c> and <c>By</c>, then write.</returns>
    public static ExportRequest Export(this IExportEngine engine, ExportCategory category)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(category);
        return new ExportRequest(engine, category);
    }
}

using ExportKit.Engine;

namespace ExportKit.Formatting;

/// <summary>The categories and formats one engine serves, the host's included.</summary>
internal sealed class ExportCatalog(ExportCategoryRegistry categories, ExportFormatterSet formatters) : IExportCatalog
{
    public IReadOnlyList<ExportCategory> Categories { get; } = [.. categories.Categories.OrderBy(c => c.Value, StringComparer.Ordinal)];

    public IReadOnlyList<ExportFormat> Formats { get; } = formatters.Formats;
}

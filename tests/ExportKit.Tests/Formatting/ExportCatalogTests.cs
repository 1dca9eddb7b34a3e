using ExportKit.Assembly;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Tests.Formatting;

public sealed class ExportCatalogTests
{
    private static readonly ExportCategoryDefinition Custom = new(new ExportCategory("findings-and-alerts"), "Findings and Alerts", "Both", [ExportSections.AuditFindings, ExportSections.AlertLogs]);

    [Fact]
    public void The_catalog_lists_built_in_and_host_categories_and_formats_in_ordinal_order()
    {
        var services = new ServiceCollection();
        services.AddExportKit().AddCategory(Custom).AddFormatter(new MarkerFormatter(new ExportFormat("xml", "application/xml", ".xml"), "<x/>"));
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<IExportCatalog>();

        Assert.Equal(["auditor-package", "csv", "html", "json", "markdown", "xml", "zip"], catalog.Formats.Select(f => f.Value));
        Assert.Equal(15, catalog.Categories.Count);
        Assert.Contains(Custom.Category, catalog.Categories);
        Assert.Equal(catalog.Categories.Select(c => c.Value).Order(StringComparer.Ordinal), catalog.Categories.Select(c => c.Value));
    }

    [Fact]
    public void The_engine_built_without_DI_is_its_own_catalog()
    {
        var engine = new ExportEngineBuilder().AddCategory(Custom).Build();

        var catalog = Assert.IsAssignableFrom<IExportCatalog>(engine);

        Assert.Contains(Custom.Category, catalog.Categories);
        Assert.Equal(6, catalog.Formats.Count);
    }
}

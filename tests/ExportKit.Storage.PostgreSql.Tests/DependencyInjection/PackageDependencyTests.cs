namespace ExportKit.Storage.PostgreSql.Tests.DependencyInjection;

/// <summary>
/// Like every storage package (see StoragePackageDependencyTests, which checks the project files of all of
/// src/ExportKit.Storage.*), the PostgreSQL assembly depends on ExportKit.Abstractions and Npgsql only.
/// </summary>
public sealed class PackageDependencyTests
{
    private static readonly string[] Forbidden = ["ExportKit", "ExportKit.Formats", "ExportKit.Audit", "ExportKit.Assembly", "ExportKit.Policy", "Scriban", "Scriban.Signed", "Markdig", "CsvHelper"];

    [Fact]
    public void The_postgresql_assembly_references_abstractions_and_npgsql_and_no_engine_formatter_or_their_libraries()
    {
        var referenced = typeof(PostgreSqlExportLogStore).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.Contains("ExportKit.Abstractions", referenced);
        Assert.Contains("Npgsql", referenced);
        Assert.Empty(referenced.Intersect(Forbidden, StringComparer.OrdinalIgnoreCase));
    }
}

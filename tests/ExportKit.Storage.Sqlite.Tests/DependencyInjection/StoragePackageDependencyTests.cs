using System.Xml.Linq;

namespace ExportKit.Storage.Sqlite.Tests.DependencyInjection;

/// <summary>
/// A storage package depends on ExportKit.Abstractions and its database driver only: referencing the engine would
/// bring the formatters, the audit package and their libraries (Scriban, Markdig, CsvHelper) into every host that
/// only wants to keep its log in a database.
/// </summary>
public sealed class StoragePackageDependencyTests
{
    private static readonly string[] Forbidden = ["ExportKit", "ExportKit.Formats", "ExportKit.Audit", "ExportKit.Assembly", "ExportKit.Policy", "Scriban", "Scriban.Signed", "Markdig", "CsvHelper"];

    [Fact]
    public void The_sqlite_assembly_references_no_engine_formatter_or_their_libraries()
    {
        var referenced = typeof(SqliteExportLogStore).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.Contains("ExportKit.Abstractions", referenced);
        Assert.Empty(referenced.Intersect(Forbidden, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_storage_project_references_abstractions_and_packages_outside_exportkit_only_transitively_too()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var storageProjects = Directory.GetDirectories(src, "ExportKit.Storage.*")
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .ToArray();
        Assert.NotEmpty(storageProjects);

        foreach (var project in storageProjects)
        {
            var references = References(project, []);
            var bad = references.Intersect(Forbidden, StringComparer.OrdinalIgnoreCase).ToArray();
            Assert.True(bad.Length == 0, $"{Path.GetFileName(project)} references {string.Join(", ", bad)}: a storage package may depend on ExportKit.Abstractions and its driver only.");
        }
    }

    /// <summary>The projects and packages a project references, following project references.</summary>
    private static HashSet<string> References(string project, HashSet<string> seen)
    {
        var document = XDocument.Load(project);
        foreach (var item in document.Descendants())
        {
            var include = item.Attribute("Include")?.Value;
            if (include is null)
            {
                continue;
            }

            if (item.Name.LocalName == "PackageReference")
            {
                seen.Add(include);
            }
            else if (item.Name.LocalName == "ProjectReference")
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include));
                if (seen.Add(Path.GetFileNameWithoutExtension(path)))
                {
                    References(path, seen);
                }
            }
        }

        return seen;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExportKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ExportKit.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ExportKit.Sample.Tests;

/// <summary>
/// Issue "ExportKit 0.2", a quick start that compiles: the README's quick start did not compile with the packages it
/// listed. It is now a project CI builds against the packed packages; these tests keep the README and it the same.
/// </summary>
public sealed partial class QuickStartReadmeTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void The_readme_quick_start_is_the_quick_start_project_word_for_word()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var block = CSharpBlock().Match(section).Groups["code"].Value;
        var program = File.ReadAllText(Path.Combine(Root, "samples", "quickstart", "ExportKit.QuickStart", "Program.cs")).ReplaceLineEndings("\n");

        Assert.Equal(program, block);
    }

    [Fact]
    public void The_project_references_exactly_the_packages_the_readme_tells_a_user_to_add()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var installation = readme[readme.IndexOf("## Installation", StringComparison.Ordinal)..readme.IndexOf("## Quick start", StringComparison.Ordinal)];
        var required = AddPackage().Matches(installation)
            .Where(m => !m.Value.Contains("optional", StringComparison.Ordinal))
            .Select(m => m.Groups["package"].Value)
            .Order(StringComparer.Ordinal);
        var project = XDocument.Load(Path.Combine(Root, "samples", "quickstart", "ExportKit.QuickStart", "ExportKit.QuickStart.csproj"));
        var referenced = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).Order(StringComparer.Ordinal);

        Assert.Equal(required, referenced);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExportKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (the folder of ExportKit.sln) is not above the test's folder.");
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^dotnet add package (?<package>\S+).*$", RegexOptions.Multiline)]
    private static partial Regex AddPackage();
}

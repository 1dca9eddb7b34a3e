using System.Text.RegularExpressions;

namespace ExportKit.Formats.AuditorPackage;

/// <summary>
/// The names inside an auditor package, derived from ids only: the bag's folder <c>{bundleId}-{category}/</c> and, under
/// <c>data/</c>, one folder per section. The compliance pack uses the specification's folder and file names.
/// </summary>
internal sealed partial class PackageLayout
{
    public const string IndexPath = "index.html";
    public const string ExportInfoPath = "metadata/export-info.json";
    public const string ReadmePath = "metadata/README.md";
    private const string MetadataFolder = "metadata";

    // Section id → (folder, file name without extension), as "Format 6: Auditor Package" draws the compliance pack.
    private static readonly Dictionary<string, (string Folder, string File)> CompliancePackNames = new(StringComparer.Ordinal)
    {
        ["audit-findings"] = ("audit-findings", "findings"),
        ["drift-events"] = ("drift-logs", "drifts"),
        ["sla-compliance"] = ("sla-compliance", "sla"),
    };

    private PackageLayout(string root, IReadOnlyList<SectionFiles> sections)
    {
        Root = root;
        Sections = sections;
    }

    /// <summary>Gets the bag's folder, for example <c>bnd_…-compliance-pack</c>.</summary>
    public string Root { get; }

    /// <summary>Gets each section's files, in the bundle's section order.</summary>
    public IReadOnlyList<SectionFiles> Sections { get; }

    /// <summary>Gets every payload path (relative to <c>data/</c>), sorted ordinally.</summary>
    public IReadOnlyList<string> PayloadPaths =>
        [.. Sections.SelectMany(s => new[] { s.JsonPath, s.CsvPath }).Append(IndexPath).Append(ExportInfoPath).Append(ReadmePath).Order(StringComparer.Ordinal)];

    /// <exception cref="ArgumentException">An id cannot be a file name, or two sections would share a folder.</exception>
    public static PackageLayout For(ExportBundle bundle)
    {
        RequireSafe(bundle.BundleId, "bundle id", nameof(bundle));
        var compliance = bundle.Category.Equals(ExportCategory.CompliancePack);
        var folders = new HashSet<string>(StringComparer.Ordinal) { MetadataFolder };
        var sections = new List<SectionFiles>(bundle.Sections.Count);
        foreach (var section in bundle.Sections)
        {
            RequireSafe(section.SectionId, "section id", nameof(bundle));
            var (folder, file) = compliance && CompliancePackNames.TryGetValue(section.SectionId, out var named) ? named : (section.SectionId, section.SectionId);
            if (!folders.Add(folder))
            {
                throw new ArgumentException($"Section '{section.SectionId}' would be written to data/{folder}/, which another section or the package's metadata already uses: give each section its own id.", nameof(bundle));
            }

            sections.Add(new SectionFiles(section, $"{folder}/{file}.json", $"{folder}/{file}.csv"));
        }

        return new PackageLayout($"{bundle.BundleId}-{bundle.Category.Value}", sections);
    }

    private static void RequireSafe(string id, string what, string parameterName)
    {
        if (!SafeId().IsMatch(id))
        {
            throw new ArgumentException($"The {what} '{id}' cannot name a file in the auditor package: use letters, digits, '-' and '_' only.", parameterName);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();
}

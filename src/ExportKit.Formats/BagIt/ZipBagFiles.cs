using System.IO.Compression;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// A bag inside a ZIP archive, at the archive's root or in its single top folder. Entries whose names could leave the
/// archive (absolute, <c>..</c>, drive letters, backslashes) are not part of the bag; they are listed in <see cref="UnsafeEntries"/>.
/// </summary>
internal sealed class ZipBagFiles : IBagFiles
{
    private readonly Dictionary<string, ZipArchiveEntry> entries;

    private ZipBagFiles(string root, Dictionary<string, ZipArchiveEntry> entries, bool hasDataDirectory, IReadOnlyList<string> unsafeEntries)
    {
        Root = root;
        this.entries = entries;
        Files = new SortedDictionary<string, long>(entries.ToDictionary(e => e.Key, e => e.Value.Length, StringComparer.Ordinal), StringComparer.Ordinal);
        HasDataDirectory = hasDataDirectory;
        UnsafeEntries = unsafeEntries;
    }

    /// <summary>Gets the folder the bag is in, with a trailing <c>/</c>, or an empty string for the archive's root.</summary>
    public string Root { get; }

    public IReadOnlyDictionary<string, long> Files { get; }

    public bool HasDataDirectory { get; }

    public IReadOnlyList<string> UnsafeEntries { get; }

    /// <summary>Finds the bag in an archive, or returns <see langword="null"/> when it has no <c>bagit.txt</c> at its root or in its single top folder.</summary>
    public static ZipBagFiles? Find(ZipArchive archive)
    {
        var unsafeEntries = new List<string>();
        var names = new List<(string Name, ZipArchiveEntry Entry)>();
        foreach (var entry in archive.Entries)
        {
            if (PathRules.CouldLeaveBag(entry.FullName))
            {
                unsafeEntries.Add(entry.FullName);
            }
            else
            {
                names.Add((entry.FullName, entry));
            }
        }

        string root;
        if (names.Exists(n => n.Name == BagTagFiles.DeclarationName))
        {
            root = string.Empty;
        }
        else
        {
            var tops = names.Select(n => n.Name.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
            if (tops.Count != 1 || !names.Exists(n => n.Name == tops[0] + "/" + BagTagFiles.DeclarationName))
            {
                return null;
            }

            root = tops[0] + "/";
        }

        var files = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var hasData = false;
        foreach (var (name, entry) in names.Where(n => n.Name.StartsWith(root, StringComparison.Ordinal)))
        {
            var path = name[root.Length..];
            hasData |= path.StartsWith("data/", StringComparison.Ordinal);
            if (!path.EndsWith('/'))
            {
                files[path] = entry;
            }
        }

        return new ZipBagFiles(root, files, hasData, unsafeEntries);
    }

    public Stream Open(string path) => entries[path].Open();
}

namespace ExportKit.Formats.BagIt;

/// <summary>A bag kept as a directory on disk.</summary>
internal sealed class DirectoryBagFiles : IBagFiles
{
    private readonly string root;

    public DirectoryBagFiles(string root)
    {
        this.root = Path.GetFullPath(root);
        var files = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in new DirectoryInfo(this.root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(this.root, file.FullName).Replace(Path.DirectorySeparatorChar, '/')] = file.Length;
        }

        Files = files;
        HasDataDirectory = Directory.Exists(Path.Combine(this.root, "data"));
    }

    public IReadOnlyDictionary<string, long> Files { get; }

    public bool HasDataDirectory { get; }

    public Stream Open(string path) => new FileStream(
        Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar)), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
}

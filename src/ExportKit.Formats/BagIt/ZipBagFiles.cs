namespace ExportKit.Formats.BagIt;

/// <summary>
/// A bag inside a ZIP archive, at the archive's root or in its single top folder, read from the archive's own
/// structures (central directory and local headers), so that what is checked is what an extractor writes. Entries that
/// are unsafe (names that leave the bag or that some OS cannot hold, links and special files, later duplicates) are
/// not part of the bag; every entry, in the bag or not, is inflated once and its CRC-32 and length checked.
/// </summary>
internal sealed class ZipBagFiles : IBagFiles
{
    private readonly Stream archive;
    private readonly List<ZipEntryRecord> all;
    private readonly Dictionary<string, ZipEntryRecord> entries;
    private readonly BagVerificationOptions options;
    private readonly List<BagProblem> problems;

    private ZipBagFiles(Stream archive, List<ZipEntryRecord> all, string root, Dictionary<string, ZipEntryRecord> entries, BagVerificationOptions options, List<BagProblem> problems)
    {
        this.archive = archive;
        this.all = all;
        Root = root;
        this.entries = entries;
        this.options = options;
        this.problems = problems;
        Files = new SortedDictionary<string, long>(entries.ToDictionary(e => e.Key, e => (long)Math.Min(e.Value.UncompressedSize, long.MaxValue), StringComparer.Ordinal), StringComparer.Ordinal);
        HasDataDirectory = all.Exists(e => e.Name.StartsWith(root + "data/", StringComparison.Ordinal));
    }

    /// <summary>Gets the folder the bag is in, with a trailing <c>/</c>, or an empty string for the archive's root.</summary>
    public string Root { get; }

    public IReadOnlyDictionary<string, long> Files { get; }

    public bool HasDataDirectory { get; }

    public IReadOnlyList<BagProblem> Problems => problems;

    /// <summary>
    /// Finds the bag in an archive. Returns <see langword="null"/> with <paramref name="notABag"/> saying why when the
    /// stream is not a ZIP archive or has no <c>bagit.txt</c> at its root or in its single top folder.
    /// </summary>
    /// <exception cref="InvalidDataException">The archive's central directory is damaged.</exception>
    public static ZipBagFiles? Find(Stream archive, BagVerificationOptions options, out string? notABag)
    {
        notABag = null;
        if (ZipCentralDirectory.Read(archive, out var centralDirectoryOffset) is not { } all)
        {
            notABag = "The stream is not a ZIP archive: it has no end-of-central-directory record (it may be truncated).";
            return null;
        }

        var problems = new List<BagProblem>();
        var outside = ZipEntryChecks.Check(archive, all, centralDirectoryOffset, options, problems);
        var names = all.Where(e => !outside.Contains(e)).ToList();
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
                notABag = "The ZIP archive has no bagit.txt at its root or in its single top folder: it does not hold a BagIt bag.";
                return null;
            }

            root = tops[0] + "/";
        }

        problems = [.. problems.Select(p => p.Path.Length > root.Length && p.Path.StartsWith(root, StringComparison.Ordinal) ? p with { Path = p.Path[root.Length..] } : p)];
        var files = names.Where(e => e.Name.StartsWith(root, StringComparison.Ordinal) && !e.IsDirectory).ToDictionary(e => e.Name[root.Length..], StringComparer.Ordinal);
        return new ZipBagFiles(archive, all, root, files, options, problems);
    }

    public bool IsReadable(string path) => entries.TryGetValue(path, out var entry) && !entry.Refused;

    public Stream Open(string path) =>
        entries.TryGetValue(path, out var entry) && !entry.Refused ? OpenEntry(entry, path) : Stream.Null;

    /// <summary>Inflates every entry the checks did not read to its end, so each one's CRC-32 and length are checked.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        foreach (var entry in all.Where(e => !e.Refused && !e.Verified))
        {
            var path = entry.Name.StartsWith(Root, StringComparison.Ordinal) && entry.Name.Length > Root.Length ? entry.Name[Root.Length..] : entry.Name;
            var stream = OpenEntry(entry, path);
            await using (stream.ConfigureAwait(false))
            {
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
        }
    }

    private ZipEntryReadStream OpenEntry(ZipEntryRecord entry, string path) =>
        new(archive, entry, path, options.MaxBytesFor(path), options.LimitNameFor(path), problems.Add);
}

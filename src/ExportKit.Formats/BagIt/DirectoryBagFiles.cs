using System.Globalization;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// A bag kept as a directory on disk. The tree is walked without following anything: symbolic links (to files or
/// directories), reparse points, FIFOs, devices and sockets are reported as <see cref="BagProblemKind.LinkOrSpecialFile"/>
/// and are neither opened nor entered, so nothing outside the bag's root is ever read. Each file's type is checked again
/// just before it is opened.
/// </summary>
internal sealed class DirectoryBagFiles : IBagFiles
{
    private static readonly EnumerationOptions OneLevel = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false, ReturnSpecialDirectories = false };

    private readonly string root;
    private readonly BagVerificationOptions options;
    private readonly List<BagProblem> problems = [];
    private readonly HashSet<string> refused = new(StringComparer.Ordinal);

    public DirectoryBagFiles(string root, BagVerificationOptions options)
    {
        this.root = Path.GetFullPath(root);
        this.options = options;
        var files = new SortedDictionary<string, long>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(this.root), files);
        Files = files;
        HasDataDirectory = Directory.Exists(Path.Combine(this.root, "data")) && !new DirectoryInfo(Path.Combine(this.root, "data")).Attributes.HasFlag(FileAttributes.ReparsePoint);
    }

    public IReadOnlyDictionary<string, long> Files { get; }

    public bool HasDataDirectory { get; }

    public IReadOnlyList<BagProblem> Problems => problems;

    public bool IsReadable(string path) => Files.ContainsKey(path) && !refused.Contains(path);

    public Stream Open(string path)
    {
        if (!IsReadable(path))
        {
            return Stream.Null;
        }

        var file = new FileInfo(FullPath(path));
        if (FileKindProbe.Special(file) is { } special)
        {
            Refuse(path, BagProblemKind.LinkOrSpecialFile, $"{path} became {special} during verification; it was not opened.");
            return Stream.Null;
        }

#pragma warning disable CA2000 // Ownership passes to the LimitedReadStream returned, which disposes it.
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan | FileOptions.Asynchronous);
#pragma warning restore CA2000
        return new LimitedReadStream(stream, options.MaxBytesFor(path), () => Refuse(path, BagProblemKind.LimitExceeded, string.Create(CultureInfo.InvariantCulture,
            $"{path} grew past {options.LimitNameFor(path)} ({options.MaxBytesFor(path)} bytes) while it was read; it was not read further.")));
    }

    public Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Walk(DirectoryInfo directory, SortedDictionary<string, long> files)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = [.. directory.EnumerateFileSystemInfos("*", OneLevel)];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var path = RelativePath(directory.FullName) + "/";
            problems.Add(new BagProblem(BagProblemKind.UnreadableFile, path, $"The folder {path} could not be listed ({error.Message})."));
            return;
        }

        foreach (var child in children.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var path = RelativePath(child.FullName);
            if (EntryNameRules.Check(path) is var (kind, reason))
            {
                problems.Add(new BagProblem(kind, path, $"The file name '{path}' is unsafe: {reason}."));
            }

            if (child.LinkTarget is not null || child.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                problems.Add(new BagProblem(BagProblemKind.LinkOrSpecialFile, path, $"{path} is a symbolic link or reparse point; links are not part of a bag and are never followed."));
            }
            else if (child is DirectoryInfo subdirectory)
            {
                Walk(subdirectory, files);
            }
            else if (FileKindProbe.Special((FileInfo)child) is { } special)
            {
                problems.Add(new BagProblem(BagProblemKind.LinkOrSpecialFile, path, $"{path} is {special}, not a regular file; it was not opened."));
            }
            else
            {
                var length = ((FileInfo)child).Length;
                files[path] = length;
                if (length > options.MaxBytesFor(path))
                {
                    Refuse(path, BagProblemKind.LimitExceeded, string.Create(CultureInfo.InvariantCulture,
                        $"{path} has {length} bytes, more than {options.LimitNameFor(path)} ({options.MaxBytesFor(path)} bytes) allows; it was not read."));
                }
            }
        }
    }

    private void Refuse(string path, BagProblemKind kind, string message)
    {
        if (refused.Add(path))
        {
            problems.Add(new BagProblem(kind, path, message));
        }
    }

    private string RelativePath(string fullPath) => Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private string FullPath(string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
}

namespace ExportKit.Formats.BagIt;

/// <summary>The files of one bag, wherever they are kept: a ZIP archive or a directory.</summary>
internal interface IBagFiles
{
    /// <summary>Gets every file's path relative to the bag's root, with <c>/</c> separators, sorted ordinally, with its length in bytes.</summary>
    IReadOnlyDictionary<string, long> Files { get; }

    /// <summary>Gets a value indicating whether the bag has a <c>data/</c> directory (possibly empty).</summary>
    bool HasDataDirectory { get; }

    /// <summary>Gets the problems the storage itself found: unsafe entries and links, limits, damaged ZIP entries.</summary>
    IReadOnlyList<BagProblem> Problems { get; }

    /// <summary>Returns whether a file of <see cref="Files"/> may be read; a file refused for a problem already reported may not.</summary>
    bool IsReadable(string path);

    /// <summary>Opens a file for reading; an empty stream when it is not readable. Reading stops at the size limit.</summary>
    Stream Open(string path);

    /// <summary>Finishes the storage's own checks once the bag's were made (a ZIP reads every entry not yet read to its end).</summary>
    Task FinishAsync(CancellationToken cancellationToken);
}

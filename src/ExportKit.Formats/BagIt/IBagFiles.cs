namespace ExportKit.Formats.BagIt;

/// <summary>The files of one bag, wherever they are kept: a ZIP archive or a directory.</summary>
internal interface IBagFiles
{
    /// <summary>Gets every file's path relative to the bag's root, with <c>/</c> separators, sorted ordinally, with its length in bytes.</summary>
    IReadOnlyDictionary<string, long> Files { get; }

    /// <summary>Gets a value indicating whether the bag has a <c>data/</c> directory (possibly empty).</summary>
    bool HasDataDirectory { get; }

    /// <summary>Opens a file for reading.</summary>
    Stream Open(string path);
}

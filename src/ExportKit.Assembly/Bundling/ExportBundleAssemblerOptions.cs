namespace ExportKit.Assembly;

/// <summary>Options of <see cref="ExportBundleAssembler"/>.</summary>
public sealed class ExportBundleAssemblerOptions
{
    /// <summary>The smallest <see cref="MaxFieldDepth"/> allowed.</summary>
    public const int MinFieldDepth = 1;

    /// <summary>
    /// The largest <see cref="MaxFieldDepth"/> allowed: far under what the formatters' nested writers could take on a
    /// 1 MB stack, so no accepted item can overflow it.
    /// </summary>
    public const int MaxAllowedFieldDepth = 256;

    /// <summary>
    /// Gets or sets how many levels of nested objects (<see cref="IReadOnlyList{T}"/> of <see cref="ExportField"/>) a
    /// field value may have. A record whose values nest deeper fails the export with
    /// <see cref="ExportErrorCodes.FieldTooDeep"/>, naming the data source, the record and the field.
    /// </summary>
    /// <value>The default value is 64; from 1 to 256.</value>
    public int MaxFieldDepth { get; set; } = 64;

    /// <summary>
    /// Gets or sets the directory an export's spool file is made in: the items of a large export, beyond what is held
    /// in memory (8 MiB by estimate), encoded as they are read from the sources. The file is private to the process:
    /// created new with owner-only permissions (0600 on Unix), held exclusively and deleted when the
    /// <see cref="AssembledBundle"/> is disposed. Set it when the system's temporary directory is small, read-only, or
    /// not where export data may be written (an encrypted volume, say).
    /// </summary>
    /// <remarks>
    /// The directory is never created: a missing one is most often a volume that is not mounted. When the spool file
    /// cannot be made or written there, the export fails with <see cref="ExportErrorCodes.StorageFailed"/> and a message
    /// naming the directory. A relative path is resolved against the working directory when the assembler is created.
    /// </remarks>
    /// <value>The default value is <see langword="null"/>: the system's temporary directory (<c>$TMPDIR</c> or <c>/tmp</c>).</value>
    public string? TemporaryDirectory { get; set; }

    // How much (by estimate) of an export's items is held in memory before the rest is spooled to a temporary file;
    // internal: the default suits every export, and tests set it to 0 to exercise the file.
    internal long SpoolMemoryBudget { get; set; } = ItemSpool.DefaultMemoryBudget;

    /// <summary>Checks the options and returns every problem found, as the other options classes do.</summary>
    /// <returns>The problems, each naming the option, its value and what is allowed; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxFieldDepth is < MinFieldDepth or > MaxAllowedFieldDepth)
        {
            problems.Add(FormattableString.Invariant($"ExportBundleAssemblerOptions.MaxFieldDepth is {MaxFieldDepth}; it must be from {MinFieldDepth} to {MaxAllowedFieldDepth}."));
        }

        if (TemporaryDirectoryProblem(TemporaryDirectory) is { } problem)
        {
            problems.Add("ExportBundleAssemblerOptions.TemporaryDirectory " + problem);
        }

        return problems;
    }

    /// <summary>What is wrong with a temporary directory option's value, or <see langword="null"/>; the message follows the option's name.</summary>
    internal static string? TemporaryDirectoryProblem(string? directory)
    {
        if (directory is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(directory))
        {
            return "is empty; give a directory path, or null for the system's temporary directory.";
        }

        try
        {
            _ = Path.GetFullPath(directory);
            return directory.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) < 0 ? null : $"is '{directory}', which holds a character no path may have; give a directory path, or null for the system's temporary directory.";
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"is '{directory}', which is not a valid path ({ex.Message}); give a directory path, or null for the system's temporary directory.";
        }
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem, listing all of them.</summary>
    internal void ThrowIfInvalid(string paramName)
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(paramName, string.Join(" ", problems));
        }
    }
}

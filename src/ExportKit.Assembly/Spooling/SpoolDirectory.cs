namespace ExportKit.Assembly;

/// <summary>Where the spool file goes, and the error that says what to fix when it cannot go there.</summary>
internal static class SpoolDirectory
{
    // The option a host of the engine sets; a host of the assembler alone sets ExportBundleAssemblerOptions' one.
    private const string Option = "ExportKitOptions.TemporaryDirectory (ExportBundleAssemblerOptions.TemporaryDirectory when the assembler is used alone)";

    /// <summary>Returns the full path of the configured directory, or the system's temporary directory.</summary>
    /// <exception cref="ExportException">The configured directory does not exist.</exception>
    public static string Resolve(string? configured)
    {
        var where = configured is null ? Path.GetTempPath() : Path.GetFullPath(configured);

        // Never created: a missing directory is most often a volume that is not mounted (an encrypted one, say), and
        // creating it would put the export's records on the disk underneath.
        if (!Directory.Exists(where))
        {
            throw Failure(where, configured, "could not be created because the directory does not exist", "create it or mount its volume", null);
        }

        return where;
    }

    /// <summary>The export's failure: the directory, what went wrong, and the option that chooses another.</summary>
    /// <param name="where">The directory's full path.</param>
    /// <param name="configured">The option's value (<see langword="null"/>: the system's temporary directory was used).</param>
    /// <param name="what">What failed, completing "its spool file in the directory …".</param>
    /// <param name="remedy">What would fix the directory itself, completing "Nothing was written; …".</param>
    /// <param name="cause">The I/O error, whose message is quoted.</param>
    public static ExportException Failure(string where, string? configured, string what, string remedy, Exception? cause)
    {
        var which = configured is null ? $"the system's temporary directory '{where}'" : $"'{where}'";
        var detail = cause is null ? string.Empty : $" ({cause.Message.TrimEnd('.')})";
        return new ExportException(
            ExportErrorCodes.StorageFailed,
            $"The export holds more items than fit its memory budget, and its spool file in {which} {what}{detail}. Nothing was written; {remedy}, or set {Option} to another directory.",
            cause);
    }
}

namespace ExportKit;

/// <summary>Options of the ExportKit engine.</summary>
public sealed class ExportKitOptions
{
    /// <summary>Gets or sets how many days an export covers when its query gives no time range.</summary>
    /// <value>The default value is 30; it must be from 1 to 90 so that a default export never needs <c>export:long-range</c>.</value>
    public int DefaultTimeRangeDays { get; set; } = 30;

    /// <summary>
    /// Gets or sets how old a hidden partial file of an export to a directory must be before the next export to that
    /// directory removes it. Partial files are left behind only by a process that was killed while exporting; one that
    /// a running export still holds is never removed, whatever its age.
    /// </summary>
    /// <value>The default value is one hour; it must be positive.</value>
    public TimeSpan StalePartialFileAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how many levels of nested objects a field value may have. A record whose values nest deeper fails
    /// the export with <see cref="ExportErrorCodes.FieldTooDeep"/>, naming the data source, the record and the field,
    /// before any formatter sees it.
    /// </summary>
    /// <value>The default value is 64; it must be from 1 to 256, far under what could overflow a 1 MB stack.</value>
    public int MaxFieldDepth { get; set; } = 64;

    /// <summary>
    /// Gets or sets the directory ExportKit writes an export's temporary data in: the spool file of a large export
    /// (its items beyond 8 MiB, by estimate, held in memory), and the ZIP's and the auditor package's staging files
    /// unless <c>ZipExportOptions.TemporaryDirectory</c> or <c>AuditorPackageOptions.TemporaryDirectory</c> names
    /// another. Every such file is private to the process (created new, owner-only, deleted when the export ends).
    /// Set it when the system's temporary directory is small, read-only, or not where export data may be written
    /// (an encrypted volume, say).
    /// </summary>
    /// <remarks>
    /// The engine never creates this directory for its spool: a missing one is most often a volume that is not
    /// mounted. An export that must spool and cannot make or write its file there fails with
    /// <see cref="ExportErrorCodes.StorageFailed"/>, naming the directory and this option; nothing is written.
    /// </remarks>
    /// <value>The default value is <see langword="null"/>: the system's temporary directory (<c>$TMPDIR</c> or <c>/tmp</c>).</value>
    public string? TemporaryDirectory { get; set; }
}

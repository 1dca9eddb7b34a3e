using System.IO.Compression;

namespace ExportKit.Formats;

/// <summary>Options of the auditor package (<see cref="ExportFormatters.AuditorPackage"/>).</summary>
public sealed class AuditorPackageOptions
{
    /// <summary>Gets or sets the organisation that made the bag, written as <c>Source-Organization</c> in <c>bag-info.txt</c>.</summary>
    /// <value>The default value is <c>ExportKit</c>; it must not be blank or contain line breaks.</value>
    public string SourceOrganization { get; set; } = "ExportKit";

    /// <summary>Gets or sets how the ZIP entries are compressed.</summary>
    /// <value>
    /// The default value is <see cref="CompressionLevel.Optimal"/>. Deflate output may change between .NET runtimes;
    /// <see cref="CompressionLevel.NoCompression"/> gives byte-identical archives everywhere (the checksums inside are identical either way).
    /// </value>
    public CompressionLevel CompressionLevel { get; set; } = CompressionLevel.Optimal;

    /// <summary>Gets or sets the formatter of each section's JSON file.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ExportFormatters.Json"/>. It must write <see cref="ExportFormat.Json"/>.</value>
    public IExportFormatter? Json { get; set; }

    /// <summary>Gets or sets the formatter of each section's CSV file (for example one with a byte-order mark).</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ExportFormatters.Csv"/> with default options. It must write <see cref="ExportFormat.Csv"/>.</value>
    public IExportFormatter? Csv { get; set; }

    /// <summary>
    /// Gets or sets the directory the payload (every file of <c>data/</c>, uncompressed) and, for a stream that cannot seek, the archive is staged in. Staging files are private to the process: created new with
    /// owner-only permissions (0600 on Unix), deleted when the export ends, whatever its outcome; ones a killed process
    /// left behind are removed by the next process that stages in the same directory.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: the system's temporary directory (<c>$TMPDIR</c> or <c>/tmp</c>), or,
    /// in the ExportKit engine, <c>ExportKitOptions.TemporaryDirectory</c> when that is set.
    /// </value>
    public string? TemporaryDirectory { get; set; }
}

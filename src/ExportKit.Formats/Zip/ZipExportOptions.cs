using System.IO.Compression;

namespace ExportKit.Formats;

/// <summary>Options of the ZIP formatter (<see cref="ExportFormatters.Zip"/>).</summary>
public sealed class ZipExportOptions
{
    /// <summary>
    /// Gets or sets how the entries are compressed. The same bundle gives the same archive bytes on one .NET runtime
    /// and operating system at every level. Deflate output may change between .NET runtimes, so only
    /// <see cref="CompressionLevel.NoCompression"/> (stored entries) gives bytes that are identical across runtimes;
    /// the entries' contents and checksums are identical everywhere at every level.
    /// </summary>
    /// <remarks>
    /// One byte still depends on the operating system at every level: the "version made by" of each central directory
    /// record, which .NET sets to Unix or Windows.
    /// </remarks>
    /// <value>The default value is <see cref="CompressionLevel.Optimal"/>.</value>
    public CompressionLevel CompressionLevel { get; set; } = CompressionLevel.Optimal;

    /// <summary>Gets or sets the formatter of the archive's <c>{bundleId}.json</c> (for example one registered with other options).</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ExportFormatters.Json"/>. It must write <see cref="ExportFormat.Json"/>.</value>
    public IExportFormatter? Json { get; set; }

    /// <summary>Gets or sets the formatter of the archive's <c>{bundleId}.csv</c> (for example one with a byte-order mark).</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ExportFormatters.Csv"/> with default options. It must write <see cref="ExportFormat.Csv"/>.</value>
    public IExportFormatter? Csv { get; set; }

    /// <summary>Gets or sets the formatter of the archive's <c>{bundleId}.html</c> (for example one with the host's template).</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ExportFormatters.Html"/> with the embedded template. It must write <see cref="ExportFormat.Html"/>.</value>
    public IExportFormatter? Html { get; set; }

    /// <summary>
    /// Gets or sets the directory an archive written to a stream that cannot seek (or after other bytes) is staged in. Staging files are private to the process: created new with
    /// owner-only permissions (0600 on Unix), deleted when the export ends, whatever its outcome; ones a killed process
    /// left behind are removed by the next process that stages in the same directory.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: the system's temporary directory (<c>$TMPDIR</c> or <c>/tmp</c>), or,
    /// in the ExportKit engine, <c>ExportKitOptions.TemporaryDirectory</c> when that is set.
    /// </value>
    public string? TemporaryDirectory { get; set; }
}

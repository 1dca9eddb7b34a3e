using System.IO.Compression;

namespace ExportKit.Formats;

/// <summary>Options of the ZIP formatter (<see cref="ExportFormatters.Zip"/>).</summary>
public sealed class ZipExportOptions
{
    /// <summary>
    /// Gets or sets how the entries are compressed. Archives are byte-identical for the same bundle on one .NET runtime
    /// and operating system; Deflate output may change between runtimes, so only
    /// <see cref="CompressionLevel.NoCompression"/> (stored entries) gives bytes that are identical across runtimes.
    /// </summary>
    /// <value>The default value is <see cref="CompressionLevel.Optimal"/>.</value>
    public CompressionLevel CompressionLevel { get; set; } = CompressionLevel.Optimal;
}

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
}

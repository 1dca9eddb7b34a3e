namespace ExportKit.Jobs;

/// <summary>A file an <see cref="IExportFileStore"/> has put in place.</summary>
public sealed class ExportStoredFile
{
    /// <summary>Gets where the store keeps it; pass it back to open or delete the file.</summary>
    public required string Path { get; init; }

    /// <summary>Gets its size in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets its lower-case hex SHA-256.</summary>
    public required string Sha256 { get; init; }
}

namespace ExportKit.Jobs;

/// <summary>
/// A job's file, opened for download after its ownership, status, expiry and SHA-256 were checked. The stream is
/// positioned at the start and is the caller's to dispose (disposing this disposes it).
/// </summary>
public sealed class ExportJobDownload : IAsyncDisposable, IDisposable
{
    /// <summary>Gets the file's content.</summary>
    public required Stream Content { get; init; }

    /// <summary>Gets the name to serve it as (<c>{tenant}_{timestamp}_{jobId}.{ext}</c>).</summary>
    public required string FileName { get; init; }

    /// <summary>Gets its size in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets its lower-case hex SHA-256, as checked.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets its media type, for example <c>text/csv</c>.</summary>
    public required string ContentType { get; init; }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

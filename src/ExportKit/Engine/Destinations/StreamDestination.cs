using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Engine.Destinations;

/// <summary>
/// The caller's stream. Its bytes are in place once flushed; on failure an export appended to the end of a seekable
/// stream is cut back. One written over existing bytes cannot restore them, so it is hashed as it is written.
/// </summary>
internal sealed class StreamDestination : ExportDestination
{
    [SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "The caller owns its stream and goes on using it after the export.")]
    private readonly Stream caller;

    public StreamDestination(Stream caller)
    {
        this.caller = caller;
        Stream = new GuardedStream(caller);
        Start = caller.CanSeek && caller.Position == caller.Length ? caller.Position : -1;
    }

    public override Stream Stream { get; }

    public override long Start { get; }

    public override async ValueTask<string?> PlaceAsync(string fileName, CancellationToken cancellationToken)
    {
        await Stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return null;
    }

    public override ValueTask<string?> DiscardAsync()
    {
        if (Start < 0)
        {
            return ValueTask.FromResult<string?>(caller.CanSeek ? "The destination stream was written over existing bytes, which cannot be restored." : null);
        }

        try
        {
            caller.SetLength(Start);
            return ValueTask.FromResult<string?>(null);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            return ValueTask.FromResult<string?>($"The destination stream could not be cut back to its starting length ({ex.Message}).");
        }
    }

    // The caller owns its stream.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

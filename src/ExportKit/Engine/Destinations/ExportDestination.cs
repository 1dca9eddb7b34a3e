namespace ExportKit.Engine.Destinations;

/// <summary>
/// Where one export's bytes go, and the two ways an attempt ends for them: put in place under their final name
/// (<see cref="PlaceAsync"/>), or removed (<see cref="DiscardAsync"/>). The engine records an export only after its
/// bytes are in place, and discards them when any record is refused, so the books never name a file that is not there.
/// </summary>
internal abstract class ExportDestination : IAsyncDisposable
{
    /// <summary>Gets the stream the formatter writes to. Its failures surface as <see cref="DestinationFailedException"/>.</summary>
    public abstract Stream Stream { get; }

    /// <summary>Gets the offset the export starts at when it can be cut back and read back, or -1.</summary>
    public abstract long Start { get; }

    /// <summary>Makes the written bytes durable and puts them under <paramref name="fileName"/>.</summary>
    /// <returns>The path to record in the registry, or <see langword="null"/> for a caller's stream.</returns>
    public abstract ValueTask<string?> PlaceAsync(string fileName, CancellationToken cancellationToken);

    /// <summary>Removes what this attempt wrote, placed or not. Never throws.</summary>
    /// <returns>What could not be removed, for the error entry, or <see langword="null"/>.</returns>
    public abstract ValueTask<string?> DiscardAsync();

    public abstract ValueTask DisposeAsync();
}

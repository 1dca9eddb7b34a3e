namespace ExportKit;

/// <summary>Writes a bundle in one format. Register implementations with <c>AddFormatter</c>.</summary>
/// <remarks>
/// Formatters must be deterministic (invariant culture, UTC instants, fixed ordering) and must stream: enumerate
/// each section's <see cref="ExportSection.Items"/> and write as they come, never collect them.
/// </remarks>
public interface IExportFormatter
{
    /// <summary>Gets the format this formatter writes.</summary>
    ExportFormat Format { get; }

    /// <summary>Writes the bundle to a stream. The stream is left open.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when everything is written and flushed.</returns>
    Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken);
}

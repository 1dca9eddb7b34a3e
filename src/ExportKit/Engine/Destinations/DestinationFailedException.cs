namespace ExportKit.Engine.Destinations;

/// <summary>
/// The destination itself failed (full disk, read-only file system, a closed stream), as opposed to the formatter or
/// a source: the engine reports it as <see cref="ExportErrorCodes.StorageFailed"/>.
/// </summary>
internal sealed class DestinationFailedException(Exception inner) : IOException(inner.Message, inner);

using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Engine.Destinations;

/// <summary>
/// The destination itself failed (full disk, read-only file system, a closed stream), as opposed to the formatter or
/// a source: the engine reports it as <see cref="ExportErrorCodes.StorageFailed"/>.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal: only GuardedStream and DirectoryDestination make it, always wrapping the destination's own exception.")]
internal sealed class DestinationFailedException(Exception inner) : IOException(inner.Message, inner);

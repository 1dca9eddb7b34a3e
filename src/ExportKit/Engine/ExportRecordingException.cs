using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Engine;

/// <summary>The registry or the audit trail refused an export's record; the message says which and what remains.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal: only ExportRecorder makes it, always with the store's exception as the cause.")]
[SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Never leaves the engine: ExportEngine catches it and returns a failed ExportResult (RecordFailed).")]
internal sealed class ExportRecordingException(string message, Exception inner) : Exception(message, inner);

namespace ExportKit.Engine;

/// <summary>The registry or the audit trail refused an export's record; the message says which and what remains.</summary>
internal sealed class ExportRecordingException(string message, Exception inner) : Exception(message, inner);

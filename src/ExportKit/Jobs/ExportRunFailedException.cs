using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Jobs;

/// <summary>The engine reported a failed export inside a job; thrown inside the file store's write so nothing is kept.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal: always made from an ExportResult's code and message.")]
[SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Thrown and caught inside the job runner; never escapes it.")]
internal sealed class ExportRunFailedException(string errorCode, string message, bool transient) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public bool Transient { get; } = transient;
}

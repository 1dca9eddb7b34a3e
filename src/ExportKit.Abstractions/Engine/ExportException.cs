using System.Diagnostics.CodeAnalysis;

namespace ExportKit;

/// <summary>An export could not be completed for a reason with an error code (see <see cref="ExportErrorCodes"/>).</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every ExportException carries the error code callers switch on; a constructor without one would make an exception whose ErrorCode means nothing.")]
public sealed class ExportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">The error code, for example <see cref="ExportErrorCodes.SourceOutOfOrder"/>.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ExportException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
    }

    /// <summary>Gets the error code.</summary>
    public string ErrorCode { get; }
}

namespace ExportKit;

/// <summary>An export could not be completed for a reason with an error code (see <see cref="ExportErrorCodes"/>).</summary>
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

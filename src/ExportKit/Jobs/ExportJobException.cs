using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Jobs;

/// <summary>An export job operation was refused, with a stable code (<see cref="ExportJobErrorCodes"/>) and a message that says what to do.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every ExportJobException carries the code callers switch on; a constructor without one would make an exception whose ErrorCode means nothing.")]
public sealed class ExportJobException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">The code, one of <see cref="ExportJobErrorCodes"/>.</param>
    /// <param name="message">What was refused and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ExportJobException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
    }

    /// <summary>Gets the code.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the job concerned, or <see langword="null"/>.</summary>
    public string? JobId { get; init; }

    /// <summary>Gets when the job's file expired (<see cref="ExportJobErrorCodes.Expired"/>).</summary>
    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>Gets the policy violations (<see cref="ExportJobErrorCodes.PolicyDenied"/>).</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];
}

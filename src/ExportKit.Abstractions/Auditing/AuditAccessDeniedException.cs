namespace ExportKit;

/// <summary>
/// An <see cref="IAuditTrail"/> read or export was refused: the principal lacks the permission the operation needs, or
/// asks about another tenant. It is an <see cref="UnauthorizedAccessException"/>, so a host that maps those to
/// HTTP 403 needs nothing more; a refused export's message starts with the specification's <c>Admin role required</c>.
/// </summary>
public sealed class AuditAccessDeniedException : UnauthorizedAccessException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AuditAccessDeniedException()
        : base("Access to the audit trail was denied.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Who was refused what, and how to get access.</param>
    public AuditAccessDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">Who was refused what, and how to get access.</param>
    /// <param name="innerException">The cause.</param>
    public AuditAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the permission that was missing.</summary>
    /// <param name="message">Who was refused what, and how to get access.</param>
    /// <param name="permission">The permission the operation needs, for example <c>audit:export:create</c>; <see langword="null"/> when the refusal is about the tenant.</param>
    public AuditAccessDeniedException(string message, string? permission)
        : base(message)
    {
        Permission = permission;
    }

    /// <summary>Gets the permission the principal lacks, or <see langword="null"/> when the tenant was refused.</summary>
    public string? Permission { get; }
}

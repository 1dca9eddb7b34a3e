using ExportKit.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExportKit.AspNetCore;

/// <summary>The error codes the endpoints add to their problem details (<c>errorCode</c>), besides <see cref="ExportJobErrorCodes"/>'.</summary>
public static class ExportKitApiErrorCodes
{
    /// <summary>No authenticated caller with a user and a tenant (HTTP 401): <c>unauthenticated</c>.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>A query parameter or body field is malformed or out of range (HTTP 400); <c>parameter</c> names it: <c>invalid-parameter</c>.</summary>
    public const string InvalidParameter = "invalid-parameter";
}

/// <summary>Thrown by the endpoints' parsing for a bad parameter; becomes a 400 naming it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal: every one names its parameter, and none leaves the endpoints.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Caught by the endpoints and turned into a 400; never seen by callers.")]
internal sealed class BadParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;

    /// <summary>Gets the status: 400, or 413 for a body over the limit.</summary>
    public int Status { get; init; } = StatusCodes.Status400BadRequest;
}

/// <summary>RFC 9457 problem details with ExportKit's stable error code as the <c>errorCode</c> extension.</summary>
internal static class ExportKitProblems
{
    public const string AdminRoleRequired = "Admin role required";

    public static ProblemHttpResult Create(int status, string title, string detail, string errorCode, Dictionary<string, object?>? extensions = null)
    {
        var all = extensions ?? [];
        all["errorCode"] = errorCode;
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: all);
    }

    public static ProblemHttpResult Unauthenticated() =>
        Create(StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in: the request has no authenticated user with a tenant.", ExportKitApiErrorCodes.Unauthenticated);

    public static ProblemHttpResult BadParameter(string parameter, string detail, int status = StatusCodes.Status400BadRequest) =>
        Create(status, status == StatusCodes.Status413PayloadTooLarge ? "Content Too Large" : "Bad Request", detail, ExportKitApiErrorCodes.InvalidParameter, new() { ["parameter"] = parameter });

    public static ProblemHttpResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "Not Found", detail, ExportJobErrorCodes.NotFound);

    public static ProblemHttpResult FromException(Exception exception, bool adminRoute) => exception switch
    {
        BadParameterException bad => BadParameter(bad.Parameter, bad.Message, bad.Status),

        // The server's own limits (Kestrel's MaxRequestBodySize, a body cut short): the body is what is wrong.
        BadHttpRequestException bad => BadParameter("body", "The request body could not be read: " + bad.Message, bad.StatusCode),
        ExportJobException job => FromJob(job, adminRoute),
        AuditAccessDeniedException denied => Create(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            adminRoute ? AdminRoleRequired : denied.Message,
            ExportJobErrorCodes.Forbidden,
            denied.Permission is null ? null : new() { ["permission"] = denied.Permission }),
        ArgumentException argument => BadParameter(ParameterName(argument.ParamName), argument.Message),
        _ => throw new InvalidOperationException("Unmapped exception.", exception),
    };

    public static bool IsMapped(Exception exception) =>
        exception is BadParameterException or BadHttpRequestException or ExportJobException or AuditAccessDeniedException or ArgumentException;

    private static ProblemHttpResult FromJob(ExportJobException job, bool adminRoute)
    {
        var extensions = new Dictionary<string, object?>();
        if (job.JobId is not null)
        {
            extensions["jobId"] = job.JobId;
        }

        switch (job.ErrorCode)
        {
            case ExportJobErrorCodes.NotFound:
                return Create(StatusCodes.Status404NotFound, "Not Found", job.Message, job.ErrorCode, extensions);
            case ExportJobErrorCodes.Forbidden:
                return Create(StatusCodes.Status403Forbidden, "Forbidden", adminRoute ? AdminRoleRequired : job.Message, job.ErrorCode, extensions);
            case ExportJobErrorCodes.PolicyDenied:
                extensions["violations"] = job.Violations;
                return Create(StatusCodes.Status403Forbidden, "Export denied by policy", job.Message, job.ErrorCode, extensions);
            case ExportJobErrorCodes.Expired:
                if (job.ExpiredAt is { } at)
                {
                    extensions["expiredAt"] = at;
                }

                return Create(StatusCodes.Status410Gone, "Gone", job.Message, job.ErrorCode, extensions);
            default:
                // not-ready, file-changed, invalid-filter: the job's state, not the request, is in the way.
                return Create(StatusCodes.Status409Conflict, "Conflict", job.Message, job.ErrorCode, extensions);
        }
    }

    /// <summary>camelCase of a .NET parameter or property name (<c>Limit</c> → <c>limit</c>).</summary>
    private static string ParameterName(string? name) =>
        string.IsNullOrEmpty(name) ? "request" : char.ToLowerInvariant(name[0]) + name[1..];
}

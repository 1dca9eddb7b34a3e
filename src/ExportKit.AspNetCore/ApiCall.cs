using ExportKit.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExportKit.AspNetCore;

/// <summary>Runs an endpoint's body for the resolved principal, turning ExportKit's refusals and bad input into problem details.</summary>
internal static class ApiCall
{
    public static async Task<Results<TResult, ProblemHttpResult>> RunAsync<TResult>(
        HttpContext context, bool adminRoute, Func<ExportPrincipal, Task<TResult>> body)
        where TResult : IResult
    {
        var options = context.RequestServices.GetService<IOptions<ExportKitAspNetCoreOptions>>()?.Value ?? new ExportKitAspNetCoreOptions();
        ExportPrincipal? principal;
        try
        {
            principal = PrincipalResolver.Resolve(context, options);
        }
        catch (ArgumentException)
        {
            // Claims that make no principal (a blank or malformed id) are no identity ExportKit can act for.
            principal = null;
        }

        if (principal is null)
        {
            return ExportKitProblems.Unauthenticated();
        }

        try
        {
            return await body(principal).ConfigureAwait(false);
        }
        catch (Exception e) when (ExportKitProblems.IsMapped(e))
        {
            return ExportKitProblems.FromException(e, adminRoute);
        }
    }

    /// <summary>Where the request came from, through the registered reader's trusted-proxy rules.</summary>
    public static RequestMetadata Metadata(HttpContext context)
    {
        var reader = context.RequestServices.GetRequiredService<RequestMetadataReader>();
        var remote = context.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true })
        {
            remote = remote.MapToIPv4();
        }

        return reader.Read(remote?.ToString(), context.Request.Headers);
    }

    public static T Service<T>(HttpContext context)
        where T : notnull => context.RequestServices.GetRequiredService<T>();
}

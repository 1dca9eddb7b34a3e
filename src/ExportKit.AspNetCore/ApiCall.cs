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
        if (Principal(context) is not { } principal)
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

    /// <summary>As <see cref="RunAsync"/>, for an endpoint whose success is one of several results (C# converts no interface to a <c>Results</c> union).</summary>
    public static async Task<IResult> RunAnyAsync(HttpContext context, Func<ExportPrincipal, Task<IResult>> body)
    {
        if (Principal(context) is not { } principal)
        {
            return ExportKitProblems.Unauthenticated();
        }

        try
        {
            return await body(principal).ConfigureAwait(false);
        }
        catch (Exception e) when (ExportKitProblems.IsMapped(e))
        {
            return ExportKitProblems.FromException(e, adminRoute: false);
        }
    }

    private static ExportPrincipal? Principal(HttpContext context)
    {
        try
        {
            return PrincipalResolver.Resolve(context, Options(context));
        }
        catch (ArgumentException)
        {
            // Claims that make no principal (a blank or malformed id) are no identity ExportKit can act for.
            return null;
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

    /// <summary>The host's options, or the defaults when it did not call <c>AddAspNetCore</c>.</summary>
    public static ExportKitAspNetCoreOptions Options(HttpContext context) =>
        context.RequestServices.GetService<IOptions<ExportKitAspNetCoreOptions>>()?.Value ?? new ExportKitAspNetCoreOptions();

    public static T Service<T>(HttpContext context)
        where T : notnull => context.RequestServices.GetRequiredService<T>();
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using ExportKit.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ExportKit.WebSample;

/// <summary>
/// The development-only stand-in for a login: <c>X-Demo-User: ana; tenant=acme; roles=owner[,auditor]</c> becomes the
/// claims <c>MapExportKit</c> reads by default (name identifier, <c>tenant_id</c>, roles). A malformed header is a 400
/// naming it, never a guess. Replace this file with a real scheme (see README.md) and nothing else changes.
/// </summary>
internal static partial class DemoUserAuthentication
{
    public const string Scheme = "DemoUser";
    public const string Policy = "DemoUser";
    public const string Header = "X-Demo-User";

    public static AuthenticationBuilder AddDemoUsers(this AuthenticationBuilder builder, bool enabled)
    {
        if (!enabled)
        {
            return builder; // Outside Development the header means nothing: every API call is anonymous (401).
        }

        builder.Services.Configure<AuthenticationOptions>(o => o.DefaultScheme = Scheme);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return builder.AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null);
    }

    /// <summary>Parses the header strictly; returns the error that names what is wrong, or the identity.</summary>
    public static (ClaimsIdentity? Identity, string? Error) Parse(string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts[1].StartsWith("tenant=", StringComparison.Ordinal) || !parts[2].StartsWith("roles=", StringComparison.Ordinal))
        {
            return (null, $"{Header} must be '<user>; tenant=<tenant>; roles=<role>[,<role>]', for example 'ana; tenant=acme; roles=owner'.");
        }

        var (user, tenant, roles) = (parts[0], parts[1]["tenant=".Length..], parts[2]["roles=".Length..].Split(','));
        if (!Id().IsMatch(user) || !Id().IsMatch(tenant))
        {
            return (null, $"{Header}: the user and the tenant must be 1-64 letters, digits, '.', '_', '@' or '-'.");
        }

        if (roles.Any(r => !Role().IsMatch(r)))
        {
            return (null, $"{Header}: each role must be 1-32 lower-case letters or '-', separated by commas without spaces (roles=admin,auditor).");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new("tenant_id", tenant) };
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        return (new ClaimsIdentity(claims, Scheme), null);
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [GeneratedRegex("^[a-z-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private string? error;

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var values = Request.Headers[Header];
            if (values.Count == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var (identity, problem) = values.Count == 1 ? Parse(values[0]!) : (null, $"Send one {Header} header, not {values.Count}.");
            if (identity is null)
            {
                error = problem;
                return Task.FromResult(AuthenticateResult.Fail(problem!));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), DemoUserAuthentication.Scheme)));
        }

        // The same problem details as ExportKit's own: 400 naming the header when it is malformed, 401 when it is missing.
        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            var result = error is null
                ? TypedResults.Problem("Sign in: send " + Header + ": <user>; tenant=<tenant>; roles=<role> (the page's user switcher does).", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", extensions: new Dictionary<string, object?> { ["errorCode"] = ExportKitApiErrorCodes.Unauthenticated })
                : TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", extensions: new Dictionary<string, object?> { ["errorCode"] = ExportKitApiErrorCodes.InvalidParameter, ["parameter"] = Header });
            return result.ExecuteAsync(Context);
        }
    }
}

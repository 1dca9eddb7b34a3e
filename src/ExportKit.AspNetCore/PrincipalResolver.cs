using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ExportKit.AspNetCore;

/// <summary>Maps the request's <see cref="ClaimsPrincipal"/> to an <see cref="ExportPrincipal"/> with the options.</summary>
internal static class PrincipalResolver
{
    public static ExportPrincipal? Resolve(HttpContext context, ExportKitAspNetCoreOptions options)
    {
        if (options.PrincipalFactory is { } factory)
        {
            return factory(context);
        }

        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        var userId = user.FindFirst(options.UserIdClaimType)?.Value ?? user.FindFirst("sub")?.Value;
        var tenantId = user.FindFirst(options.TenantIdClaimType)?.Value;
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(tenantId))
        {
            return null;
        }

        var roles = user.FindAll(options.RoleClaimType).Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        var permissions = new HashSet<string>(
            user.FindAll(options.PermissionClaimType).Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)),
            StringComparer.Ordinal);
        if (options.RolePermissions is { } map)
        {
            foreach (var role in roles)
            {
                if (map.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                {
                    permissions.UnionWith(map.Permissions(role));
                }
            }
        }

        var federationId = user.FindFirst(options.FederationIdClaimType)?.Value;
        return new ExportPrincipal(userId, tenantId, roles, permissions)
        {
            FederationId = string.IsNullOrWhiteSpace(federationId) ? null : federationId,
        };
    }
}

using System.Security.Claims;
using ExportKit.Audit;
using Microsoft.AspNetCore.Http;

namespace ExportKit.AspNetCore;

/// <summary>
/// How <c>MapExportKit</c>'s endpoints turn the authenticated caller into an <see cref="ExportPrincipal"/>: claim types,
/// or a delegate of the host's own. A caller without a user or tenant is anonymous to ExportKit and gets 401.
/// </summary>
public sealed class ExportKitAspNetCoreOptions
{
    /// <summary>Gets or sets the claim type of the user id.</summary>
    /// <value>The default value is <see cref="ClaimTypes.NameIdentifier"/>; <c>sub</c> is read when it is missing.</value>
    public string UserIdClaimType { get; set; } = ClaimTypes.NameIdentifier;

    /// <summary>Gets or sets the claim type of the tenant (organisation) id.</summary>
    /// <value>The default value is <c>tenant_id</c>.</value>
    public string TenantIdClaimType { get; set; } = "tenant_id";

    /// <summary>Gets or sets the claim type of the federation id (optional claim).</summary>
    /// <value>The default value is <c>federation_id</c>.</value>
    public string FederationIdClaimType { get; set; } = "federation_id";

    /// <summary>Gets or sets the claim type of the roles.</summary>
    /// <value>The default value is <see cref="ClaimTypes.Role"/>.</value>
    public string RoleClaimType { get; set; } = ClaimTypes.Role;

    /// <summary>Gets or sets the claim type of explicit permissions, added to those the roles grant.</summary>
    /// <value>The default value is <c>permission</c>.</value>
    public string PermissionClaimType { get; set; } = "permission";

    /// <summary>
    /// Gets or sets the map that grants permissions to the caller's roles (roles it does not know grant none); or
    /// <see langword="null"/> to take permissions from claims only.
    /// </summary>
    /// <value>The default value is <see cref="RolePermissionMap.AuditGovernance"/> (seed 003's owner, admin, member, viewer).</value>
    public RolePermissionMap? RolePermissions { get; set; } = RolePermissionMap.AuditGovernance;

    /// <summary>
    /// Gets or sets the host's own mapping from a request to a principal, used instead of the claim types; it returns
    /// <see langword="null"/> for an anonymous caller.
    /// </summary>
    public Func<HttpContext, ExportPrincipal?>? PrincipalFactory { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether <c>POST /exports</c> may answer with the file itself when the request asks
    /// for it (<c>"delivery": "direct"</c>) instead of queuing a job. The export runs in the request, is logged and
    /// registered exactly as a job's (policy decision, <c>export-generated</c>, registry row) and its download is
    /// recorded; it is held in memory up to <see cref="DirectExportMaxBytes"/> so that the response carries
    /// <c>Content-Length</c> and <c>Repr-Digest</c> and never a half-written file.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: every export is a job, so a request never holds a web server thread for a large export.</value>
    public bool AllowDirectExports { get; set; }

    /// <summary>Gets or sets the largest direct export, in bytes; a larger one is refused with 413 (<c>export-too-large</c>) and should be made a job.</summary>
    /// <value>The default value is 4 MiB; it must be from 1 byte to 256 MiB.</value>
    public long DirectExportMaxBytes { get; set; } = 4 * 1024 * 1024;
}

namespace ExportKit.Policy;

/// <summary>The permissions the built-in policy rules check, as the specification names them.</summary>
public static class ExportPermissions
{
    /// <summary>Lets a user export another tenant's data.</summary>
    public const string CrossTenant = "export:cross-tenant";

    /// <summary>Lets a user export any tenant's and any federation's data.</summary>
    public const string FederationAdmin = "export:federation-admin";

    /// <summary>
    /// Lets a user export the executive-level categories (<c>executive-summary</c>, <c>full-operational</c>) and any
    /// category that reads the executive data of phases 58 and 59 (<c>insights</c>, <c>reports</c>, host categories).
    /// </summary>
    public const string ExecutiveView = "export:executive-view";

    /// <summary>Lets a user export the <c>compliance-pack</c> category.</summary>
    public const string CompliancePack = "export:compliance-pack";

    /// <summary>Lets a user export a time range longer than 90 days.</summary>
    public const string LongRange = "export:long-range";

    /// <summary>Lets a user export in the bundle formats (<c>zip</c>, <c>auditor-package</c>).</summary>
    public const string BundleFormats = "export:bundle-formats";

    /// <summary>Gets the permission that lets a user export one federation's data.</summary>
    /// <param name="federationId">The federation's id, for example <c>fed-north</c>.</param>
    /// <returns>The permission, <c>export:federation:{federationId}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="federationId"/> is <see langword="null"/>, empty or blank.</exception>
    public static string Federation(string federationId)
    {
        if (string.IsNullOrWhiteSpace(federationId))
        {
            throw new ArgumentException("A federation permission needs the federation's id: pass the id the export scope names.", nameof(federationId));
        }

        return "export:federation:" + federationId;
    }
}

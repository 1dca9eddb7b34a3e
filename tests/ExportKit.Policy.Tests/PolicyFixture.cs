using ExportKit.Testing;

namespace ExportKit.Policy.Tests;

/// <summary>Principals, queries and contexts for the policy tests: a user of tenant-a, a 30-day range by default.</summary>
internal static class PolicyFixture
{
    public const string Tenant = "tenant-a";
    public const string OtherTenant = "tenant-b";
    public const string UserId = "user-1";

    public static ExportTimeRange ThirtyDays { get; } = ExportTimeRange.LastDays(TestClock.Now, 30);

    public static ExportPrincipal Principal(string[]? roles = null, string[]? permissions = null, string? federationId = null) =>
        new(UserId, Tenant, roles, permissions) { FederationId = federationId };

    public static ExportQuery Query(
        ExportCategory? category = null,
        ExportFormat? format = null,
        string tenantId = Tenant,
        string? federationId = null) =>
        new(category ?? ExportCategory.OperationalSnapshot, format ?? ExportFormat.Json, new ExportScope(tenantId, federationId: federationId), UserId);

    public static PolicyEvaluationContext Context(ExportQuery query, ExportPrincipal principal, ExportTimeRange? range = null) =>
        new(query, principal, range ?? ThirtyDays);

    /// <summary>Runs one rule on a fresh context and returns the context, to read its violations and warnings.</summary>
    public static PolicyEvaluationContext Run(IExportPolicyRule rule, ExportQuery query, ExportPrincipal principal, ExportTimeRange? range = null)
    {
        var context = Context(query, principal, range);
        rule.Evaluate(context);
        return context;
    }
}

using ExportKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Audit.Tests;

/// <summary>Trails over in-memory stores with a fixed clock and sequential ids.</summary>
internal static class Trails
{
    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static AuditTrail Create(IAuditEventStore store, FakeTimeProvider? clock = null, AuditOptions? options = null, IExportIdGenerator? ids = null) =>
        new(store, clock ?? TestClock.Create(), ids ?? new SequentialIds(), options ?? new AuditOptions());

    /// <summary>A principal of the audit governance roles: <c>viewer</c> by default, which may read but not export.</summary>
    public static ExportPrincipal As(string tenant = "acme", string role = "viewer") =>
        RolePermissionMap.AuditGovernance.CreatePrincipal("user-" + role, tenant, role);

    public static AuditEventDraft Draft(
        string tenant = "acme", string eventType = AuditEventTypes.UserUpdated, AuditSeverity severity = AuditSeverity.Info,
        AuditActorType actor = AuditActorType.User, object? context = null, object? before = null, object? after = null) => new()
        {
            EventType = eventType,
            TenantId = tenant,
            Severity = severity,
            ActorType = actor,
            UserId = "user-1",
            Context = context,
            Before = before,
            After = after,
        };

    /// <summary>Records <paramref name="count"/> events, the clock moving a minute before each.</summary>
    public static async Task<List<AuditEvent>> RecordMany(AuditTrail trail, FakeTimeProvider clock, int count, string tenant = "acme")
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            events.Add((await trail.RecordAsync(Draft(tenant: tenant, context: new { n = i })))!);
        }

        return events;
    }
}

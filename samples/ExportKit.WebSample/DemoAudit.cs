using ExportKit.Audit;

namespace ExportKit.WebSample;

/// <summary>
/// Gives the audit page something to show on a fresh database: a day of seed 003's events for each demo tenant, from
/// users, the system, an API key and a webhook, at every severity. Written once; a database that has events is left alone.
/// </summary>
internal static class DemoAudit
{
    private static readonly (string Type, AuditSeverity Severity, AuditActorType Actor)[] Kinds =
    [
        (AuditEventTypes.AuthLogin, AuditSeverity.Info, AuditActorType.User),
        (AuditEventTypes.AuthFailed, AuditSeverity.Warning, AuditActorType.User),
        (AuditEventTypes.UserUpdated, AuditSeverity.Info, AuditActorType.User),
        (AuditEventTypes.PlaybookExecuted, AuditSeverity.Info, AuditActorType.Api),
        (AuditEventTypes.ContentPublished, AuditSeverity.Info, AuditActorType.Webhook),
        (AuditEventTypes.SystemError, AuditSeverity.Error, AuditActorType.System),
        (AuditEventTypes.BillingSubscriptionUpdated, AuditSeverity.Warning, AuditActorType.Webhook),
        (AuditEventTypes.SystemMaintenance, AuditSeverity.Critical, AuditActorType.System),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var trail = services.GetRequiredService<IAuditTrail>();
        foreach (var (tenant, users) in new[] { ("acme", new[] { "ana", "ben", "cy", "dee" }), ("globex", new[] { "gus", "gia" }) })
        {
            var reader = RolePermissionMap.AuditGovernance.CreatePrincipal("seed", tenant, "owner");
            if ((await trail.QueryAsync(new AuditQuery(tenant) { Limit = 1 }, reader)).Count > 0)
            {
                continue;
            }

            for (var i = 0; i < 36; i++)
            {
                var (type, severity, actor) = Kinds[i % Kinds.Length];
                var user = actor == AuditActorType.User ? users[i % users.Length] : null;
                await trail.RecordAsync(new AuditEventDraft
                {
                    EventType = type,
                    TenantId = tenant,
                    Severity = severity,
                    ActorType = actor,
                    UserId = user,
                    ResourceType = type.Split('.')[0],
                    ResourceId = $"{type.Split('.')[0]}-{i % 5}",
                    Context = type == AuditEventTypes.SystemError ? new { message = "Connection timeout", attempt = i } : new { method = "password", n = i },
                    Before = type == AuditEventTypes.UserUpdated ? new { role = "viewer", email = $"{user}@{tenant}.example" } : null,
                    After = type == AuditEventTypes.UserUpdated ? new { role = "member", email = $"{user}@{tenant}.example" } : null,
                    Request = user is null ? null : new RequestMetadata { IpAddress = $"192.0.2.{10 + (i % 40)}", UserAgent = "Mozilla/5.0 (demo)", RequestId = $"req-{tenant}-{i:D3}" },
                });
            }
        }
    }
}

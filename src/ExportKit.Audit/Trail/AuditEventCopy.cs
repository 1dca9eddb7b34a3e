namespace ExportKit.Audit;

/// <summary>
/// The two copies the trail makes of an event it seals: placed in the chain, then with its hash. <see cref="AuditEvent"/>
/// is a class (its diff is a list, which a record would compare by reference), so it has no <c>with</c>.
/// </summary>
internal static class AuditEventCopy
{
    public static AuditEvent Chained(AuditEvent e, long sequence, string previousHash, DateTimeOffset timestamp) => Copy(e, sequence, previousHash, timestamp, e.Hash);

    public static AuditEvent Sealed(AuditEvent e, string hash) => Copy(e, e.Sequence, e.PreviousHash, e.Timestamp, hash);

    private static AuditEvent Copy(AuditEvent e, long sequence, string previousHash, DateTimeOffset timestamp, string hash) => new()
    {
        Id = e.Id,
        Sequence = sequence,
        Timestamp = timestamp,
        EventType = e.EventType,
        Severity = e.Severity,
        ActorType = e.ActorType,
        UserId = e.UserId,
        TenantId = e.TenantId,
        ResourceType = e.ResourceType,
        ResourceId = e.ResourceId,
        ContextJson = e.ContextJson,
        Request = e.Request,
        BeforeJson = e.BeforeJson,
        AfterJson = e.AfterJson,
        Diff = e.Diff,
        PreviousHash = previousHash,
        Hash = hash,
    };
}

using System.Globalization;

namespace ExportKit.Storage.Sqlite.Tests.Auditing;

internal static class AuditEvents
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    /// <summary>An event with every field set, the n-th of the chain.</summary>
    public static AuditEvent Full(long sequence, string tenantId = "acme") => new()
    {
        Id = $"evt_{sequence:D4}",
        Sequence = sequence,
        Timestamp = Start.AddMinutes(sequence),
        EventType = AuditEventTypes.ContentUpdated,
        Severity = AuditSeverity.Warning,
        ActorType = AuditActorType.Api,
        UserId = "user-7",
        TenantId = tenantId,
        ResourceType = "project",
        ResourceId = "prj-42",
        ContextJson = """{"reason":"Quarterly Review","ticket":"ÉTÉ-12"}""",
        Request = new RequestMetadata
        {
            IpAddress = "203.0.113.9",
            ForwardedFor = "203.0.113.9, 10.0.0.1",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64)",
            RequestId = "req-1",
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        },
        BeforeJson = """{"name":"Old","tags":["a"]}""",
        AfterJson = """{"name":"New","tags":["a","b"]}""",
        Diff =
        [
            new AuditChange("name", AuditChangeKind.Changed, "\"Old\"", "\"New\""),
            new AuditChange("tags[1]", AuditChangeKind.Added, null, "\"b\""),
        ],
        PreviousHash = new string('0', 64),
        Hash = new string('a', 63) + (sequence % 10).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>An event with only the required fields.</summary>
    public static AuditEvent Minimal(long sequence, string tenantId = "acme") => new()
    {
        Id = $"evt_{sequence:D4}",
        Sequence = sequence,
        Timestamp = Start.AddMinutes(sequence),
        EventType = AuditEventTypes.AuthLogin,
        Severity = AuditSeverity.Info,
        ActorType = AuditActorType.User,
        TenantId = tenantId,
        PreviousHash = new string('0', 64),
        Hash = new string('b', 64),
    };

    /// <summary>Asserts that two events are equal field by field, the diff included (a list compares by reference in a record).</summary>
    public static void AssertSame(AuditEvent expected, AuditEvent? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.With(it => it.Diff, []), actual.With(it => it.Diff, []));
        Assert.Equal(expected.Diff, actual.Diff);
    }
}

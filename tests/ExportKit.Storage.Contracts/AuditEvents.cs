using System.Globalization;
using ExportKit.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>Audit events and drafts for the contract tests, with defaults a test overrides where it matters.</summary>
public static class AuditEvents
{
    /// <summary>A sealed event as a store receives it. The hashes are placeholders: stores do not check them.</summary>
    public static AuditEvent Sealed(long sequence, string tenant = "acme", string? id = null, DateTimeOffset? at = null) => new()
    {
        Id = id ?? $"aud_{sequence:D4}",
        Sequence = sequence,
        Timestamp = at ?? TestClock.Now.AddMinutes(sequence),
        EventType = AuditEventTypes.UserUpdated,
        Severity = AuditSeverity.Info,
        ActorType = AuditActorType.User,
        UserId = "user-1",
        TenantId = tenant,
        PreviousHash = sequence == 1 ? new string('0', 64) : Hash(sequence - 1),
        Hash = Hash(sequence),
    };

    /// <summary>An event with every field set, to show that a store keeps them all.</summary>
    public static AuditEvent Full(long sequence) => Sealed(sequence).With(it => it.Timestamp, TestClock.Now.AddTicks(1_234_567)).With(it => it.EventType, "billing.subscription_updated").With(it => it.Severity, AuditSeverity.Critical).With(it => it.ActorType, AuditActorType.Webhook).With(it => it.UserId, "user-ü").With(it => it.ResourceType, "subscription").With(it => it.ResourceId, "sub_42").With(it => it.ContextJson, "{\"note\":\"café, \\\"quoted\\\"\\nline\",\"n\":1.50}").With(it => it.Request, new RequestMetadata { IpAddress = "2001:db8::1", ForwardedFor = "198.51.100.7, 10.0.0.1", UserAgent = "Mozilla/5.0 (X11)", RequestId = "req-1", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", }).With(it => it.BeforeJson, "{\"plan\":\"basic\",\"seats\":[1,2]}").With(it => it.AfterJson, "{\"plan\":\"pro\",\"seats\":[1]}").With(it => it.Diff, [ new AuditChange("plan", AuditChangeKind.Changed, "\"basic\"", "\"pro\""), new AuditChange("seats[1]", AuditChangeKind.Removed, "2", null), ]);

    /// <summary>A placeholder hash: 64 hex digits derived from the sequence.</summary>
    public static string Hash(long sequence) => sequence.ToString("x64", CultureInfo.InvariantCulture);

    /// <summary>A draft for the trail.</summary>
    public static AuditEventDraft Draft(
        string tenant = "acme", string eventType = AuditEventTypes.UserUpdated, AuditSeverity severity = AuditSeverity.Info,
        AuditActorType actor = AuditActorType.User, object? context = null, string? userId = "user-1") => new()
        {
            EventType = eventType,
            TenantId = tenant,
            Severity = severity,
            ActorType = actor,
            UserId = userId,
            Context = context,
        };

    /// <summary>Asserts that a store gave back the event it was given, field by field (the diff element by element).</summary>
    public static void AssertSame(AuditEvent expected, AuditEvent? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.With(it => it.Diff, []), actual.With(it => it.Diff, []));
        Assert.Equal(expected.Diff, actual.Diff);
    }
}

namespace ExportKit;

/// <summary>
/// What a host records: who did what to which resource, from where, with the state before and after. The trail adds
/// the id, timestamp, sequence, diff and hashes.
/// </summary>
public sealed record AuditEventDraft
{
    /// <summary>Gets the event type: one of <see cref="AuditEventTypes"/> or any dotted lower-case name.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the tenant (organisation) the event belongs to; every query is scoped to one.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the severity; <see cref="AuditSeverity.Info"/> by default.</summary>
    public AuditSeverity Severity { get; init; } = AuditSeverity.Info;

    /// <summary>Gets the kind of actor; <see cref="AuditActorType.User"/> by default.</summary>
    public AuditActorType ActorType { get; init; } = AuditActorType.User;

    /// <summary>Gets the acting user's id, or <see langword="null"/> for system actors.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the type of resource concerned, for example <c>project</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary>Gets the id of the resource concerned.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Gets extra context ("why"), serialised to JSON with System.Text.Json.</summary>
    public object? Context { get; init; }

    /// <summary>Gets where the request came from.</summary>
    public RequestMetadata? Request { get; init; }

    /// <summary>Gets the resource's state before the change, serialised to JSON.</summary>
    public object? Before { get; init; }

    /// <summary>Gets the resource's state after the change, serialised to JSON.</summary>
    public object? After { get; init; }
}

namespace ExportKit;

/// <summary>
/// A recorded audit event. Events form one hash chain: each carries the hash of the one before it, so a changed,
/// removed or reordered event is detected by verification. JSON values are kept as canonical JSON text
/// (sorted keys, no insignificant white space) so that the event is immutable and hashes the same everywhere. Two
/// events are equal when every field is, the diff compared in order.
/// </summary>
public sealed class AuditEvent : IEquatable<AuditEvent>
{
    /// <summary>Gets the event's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the event's position in the chain, from 1, without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets when it was recorded, in UTC.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the event type.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the severity.</summary>
    public required AuditSeverity Severity { get; init; }

    /// <summary>Gets the kind of actor.</summary>
    public required AuditActorType ActorType { get; init; }

    /// <summary>Gets the acting user's id.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the tenant (organisation).</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the type of resource concerned.</summary>
    public string? ResourceType { get; init; }

    /// <summary>Gets the id of the resource concerned.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Gets the context as canonical JSON, or <see langword="null"/>.</summary>
    public string? ContextJson { get; init; }

    /// <summary>Gets where the request came from.</summary>
    public RequestMetadata? Request { get; init; }

    /// <summary>Gets the state before as canonical JSON, or <see langword="null"/>.</summary>
    public string? BeforeJson { get; init; }

    /// <summary>Gets the state after as canonical JSON, or <see langword="null"/>.</summary>
    public string? AfterJson { get; init; }

    /// <summary>Gets the differences between before and after, in path order; empty when nothing changed.</summary>
    public IReadOnlyList<AuditChange> Diff { get; init; } = [];

    /// <summary>Gets the hash of the previous event (64 zeros for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Gets this event's hash: SHA-256 (or HMAC-SHA-256 when a key is configured) over its canonical encoding, lower-case hex.</summary>
    public required string Hash { get; init; }

    /// <summary>Compares two events by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(AuditEvent? left, AuditEvent? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two events by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AuditEvent? left, AuditEvent? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AuditEvent);

    /// <inheritdoc />
    public bool Equals(AuditEvent? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Sequence == other.Sequence
        && Timestamp == other.Timestamp
        && string.Equals(EventType, other.EventType, StringComparison.Ordinal)
        && Severity == other.Severity
        && ActorType == other.ActorType
        && string.Equals(UserId, other.UserId, StringComparison.Ordinal)
        && string.Equals(TenantId, other.TenantId, StringComparison.Ordinal)
        && string.Equals(ResourceType, other.ResourceType, StringComparison.Ordinal)
        && string.Equals(ResourceId, other.ResourceId, StringComparison.Ordinal)
        && string.Equals(ContextJson, other.ContextJson, StringComparison.Ordinal)
        && Equals(Request, other.Request)
        && string.Equals(BeforeJson, other.BeforeJson, StringComparison.Ordinal)
        && string.Equals(AfterJson, other.AfterJson, StringComparison.Ordinal)
        && Diff.SequenceEqual(other.Diff)
        && string.Equals(PreviousHash, other.PreviousHash, StringComparison.Ordinal)
        && string.Equals(Hash, other.Hash, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), Sequence, StringComparer.Ordinal.GetHashCode(Hash));
}

namespace ExportKit;

/// <summary>
/// The audit query language: filters on one tenant's events, newest first, a page at a time. Every filter left
/// <see langword="null"/> matches everything.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Creates a query of one tenant's events.</summary>
    /// <param name="tenantId">The tenant (organisation); every query is scoped to one.</param>
    public AuditQuery(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        TenantId = tenantId;
    }

    /// <summary>Gets the tenant whose events are queried.</summary>
    public string TenantId { get; }

    /// <summary>Gets the severity events must have.</summary>
    public AuditSeverity? Severity { get; init; }

    /// <summary>Gets the actor type events must have.</summary>
    public AuditActorType? ActorType { get; init; }

    /// <summary>Gets the event type events must have.</summary>
    public string? EventType { get; init; }

    /// <summary>Gets the first instant included.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Gets the first instant excluded.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Gets text the event's context must contain (ordinal, case-insensitive).</summary>
    public string? Search { get; init; }

    /// <summary>Gets how many events a page holds.</summary>
    /// <value>The default value is 50; from 1 to <see cref="MaxLimit"/>.</value>
    public int Limit { get; init; } = 50;

    /// <summary>Gets how many matching events to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; init; }

    /// <summary>Checks the query, naming the first field that is wrong and what is allowed.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, FormattableString.Invariant($"limit must be from 1 to {MaxLimit}."));
        }

        if (Offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Offset), Offset, "offset must be 0 or more.");
        }

        if (StartDate is { } start && EndDate is { } end && end <= start)
        {
            throw new ArgumentException(FormattableString.Invariant($"endDate ({ExportValueText.FormatInstant(end)}) is not after startDate ({ExportValueText.FormatInstant(start)}): give an end after the start."), nameof(EndDate));
        }

        if (Severity is { } severity && !Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(Severity), severity, "severity is unknown: use info, warning, error or critical.");
        }

        if (ActorType is { } actor && !Enum.IsDefined(actor))
        {
            throw new ArgumentOutOfRangeException(nameof(ActorType), actor, "actorType is unknown: use user, system, api or webhook.");
        }
    }

    /// <summary>Tells whether an event matches the filters (not the page).</summary>
    /// <param name="auditEvent">The event.</param>
    /// <returns><see langword="true"/> when it matches every filter that is set.</returns>
    public bool Matches(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return string.Equals(auditEvent.TenantId, TenantId, StringComparison.Ordinal)
            && (Severity is null || auditEvent.Severity == Severity)
            && (ActorType is null || auditEvent.ActorType == ActorType)
            && (EventType is null || string.Equals(auditEvent.EventType, EventType, StringComparison.Ordinal))
            && (StartDate is null || auditEvent.Timestamp >= StartDate)
            && (EndDate is null || auditEvent.Timestamp < EndDate)
            && (Search is null || (auditEvent.ContextJson?.Contains(Search, StringComparison.OrdinalIgnoreCase) ?? false));
    }
}

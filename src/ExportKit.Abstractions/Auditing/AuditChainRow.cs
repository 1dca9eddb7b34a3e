using System.Diagnostics.CodeAnalysis;

namespace ExportKit;

/// <summary>
/// One row of the audit chain as a store read it back: either an <see cref="AuditEvent"/> decoded exactly as the
/// store's queries decode it, or a description of a malformed row (a value of the wrong type or shape, written behind
/// the store's back) that the queries would not see as recorded. Verification reports a malformed row as a broken
/// event instead of failing with an exception.
/// </summary>
public sealed class AuditChainRow
{
    private AuditChainRow(long sequence, string? id, AuditEvent? auditEvent, string? column, string? reason)
    {
        Sequence = sequence;
        Id = id;
        Event = auditEvent;
        Column = column;
        Reason = reason;
    }

    /// <summary>Gets the row's sequence in the chain.</summary>
    public long Sequence { get; }

    /// <summary>Gets the event's id, or <see langword="null"/> when the row's id itself cannot be read.</summary>
    public string? Id { get; }

    /// <summary>Gets the decoded event, or <see langword="null"/> when the row is malformed.</summary>
    public AuditEvent? Event { get; }

    /// <summary>Gets the column that is malformed, or <see langword="null"/> when the row decoded.</summary>
    public string? Column { get; }

    /// <summary>Gets why the column is malformed, for a person to read, or <see langword="null"/> when the row decoded.</summary>
    public string? Reason { get; }

    /// <summary>Gets a value indicating whether the row could not be decoded as an event.</summary>
    [MemberNotNullWhen(false, nameof(Event))]
    [MemberNotNullWhen(true, nameof(Column), nameof(Reason))]
    public bool IsMalformed => Event is null;

    /// <summary>Creates the row of an event that decoded.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is <see langword="null"/>.</exception>
    public static AuditChainRow Decoded(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return new AuditChainRow(auditEvent.Sequence, auditEvent.Id, auditEvent, null, null);
    }

    /// <summary>Creates the row of an event that cannot be decoded as queries decode it.</summary>
    /// <param name="sequence">The row's sequence.</param>
    /// <param name="id">The row's id, or <see langword="null"/> when it cannot be read.</param>
    /// <param name="column">The malformed column, for example <c>severity</c>.</param>
    /// <param name="reason">What is wrong with its value, for example <c>'INFO' is not info, warning, error or critical</c>.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException"><paramref name="column"/> or <paramref name="reason"/> is blank.</exception>
    public static AuditChainRow Malformed(long sequence, string? id, string column, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AuditChainRow(sequence, id, null, column, reason);
    }
}

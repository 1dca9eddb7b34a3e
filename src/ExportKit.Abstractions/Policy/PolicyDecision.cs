namespace ExportKit;

/// <summary>
/// The outcome of evaluating every policy rule for a query. Two decisions are equal when they allow the same, for the
/// same reason, with the same violations and warnings in the same order.
/// </summary>
public sealed class PolicyDecision : IEquatable<PolicyDecision>
{
    /// <summary>Gets a value indicating whether the export may go ahead.</summary>
    public required bool Allowed { get; init; }

    /// <summary>Gets why: every violation joined, or that every rule passed.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets every violation, in the order the rules ran.</summary>
    public required IReadOnlyList<string> Violations { get; init; }

    /// <summary>Gets every warning, in the order the rules ran.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Compares two decisions by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(PolicyDecision? left, PolicyDecision? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two decisions by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PolicyDecision? left, PolicyDecision? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PolicyDecision);

    /// <inheritdoc />
    public bool Equals(PolicyDecision? other) =>
        other is not null
        && Allowed == other.Allowed
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && Violations.SequenceEqual(other.Violations, StringComparer.Ordinal)
        && Warnings.SequenceEqual(other.Warnings, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Allowed, StringComparer.Ordinal.GetHashCode(Reason), Violations.Count, Warnings.Count);
}

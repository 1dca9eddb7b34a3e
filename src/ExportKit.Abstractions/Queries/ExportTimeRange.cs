namespace ExportKit;

/// <summary>A half-open time range <c>[Start, End)</c>, kept in UTC. Two ranges are equal when they start and end at the same instants.</summary>
public sealed class ExportTimeRange : IEquatable<ExportTimeRange>
{
    /// <summary>Creates a range.</summary>
    /// <param name="start">The first instant included.</param>
    /// <param name="end">The first instant excluded; must be after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public ExportTimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"The time range ends ({end.UtcDateTime:O}) before or when it starts ({start.UtcDateTime:O}): give an end after the start."),
                nameof(end));
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>Gets the first instant included, in UTC.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the first instant excluded, in UTC.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Gets the length of the range.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>Creates the range of <paramref name="days"/> days that ends at <paramref name="end"/>.</summary>
    /// <param name="end">The end of the range.</param>
    /// <param name="days">How many days the range covers; at least 1.</param>
    /// <returns>The range.</returns>
    public static ExportTimeRange LastDays(DateTimeOffset end, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new ExportTimeRange(end.AddDays(-days), end);
    }

    /// <summary>Tells whether an instant falls in the range.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when <c>Start &lt;= instant &lt; End</c>.</returns>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>Compares two ranges by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(ExportTimeRange? left, ExportTimeRange? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two ranges by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExportTimeRange? left, ExportTimeRange? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportTimeRange);

    /// <inheritdoc />
    public bool Equals(ExportTimeRange? other) => other is not null && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End);
}

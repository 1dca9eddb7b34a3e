namespace ExportKit;

/// <summary>
/// One named value of an item's data, checked once, when it is made, so that every format agrees on what it can
/// write. <see cref="Value"/> is one of the types <see cref="ExportValueText"/> lists: <see langword="null"/>, a
/// <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, a finite <see cref="double"/>,
/// <see cref="decimal"/>, <see cref="DateTimeOffset"/>, or a nested object given as an <see cref="IReadOnlyList{T}"/>
/// of fields (copied when the field is made, so it cannot change afterwards).
/// </summary>
/// <remarks>
/// Two fields are equal when their names are equal (ordinal) and their values are equal; nested objects are compared
/// field by field, in order.
/// </remarks>
public readonly struct ExportField : IEquatable<ExportField>
{
    /// <summary>Creates a field.</summary>
    /// <param name="name">The field's name, as the source declares it (for example <c>auditFindingId</c>).</param>
    /// <param name="value">The value: one of the types <see cref="ExportValueText"/> lists.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="name"/> is null or empty; or <paramref name="value"/> is of another type, is NaN or an infinity, or
    /// is a nested object holding a field that was never made (<c>default</c>). The message names the field.
    /// </exception>
    public ExportField(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = ExportValueText.Check(name, value);
    }

    /// <summary>Gets the field's name, as the source declares it.</summary>
    public string Name { get; }

    /// <summary>Gets the value.</summary>
    public object? Value { get; }

    /// <summary>Compares two fields by name and value.</summary>
    /// <param name="left">A field.</param>
    /// <param name="right">Another field.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ExportField left, ExportField right) => left.Equals(right);

    /// <summary>Compares two fields by name and value.</summary>
    /// <param name="left">A field.</param>
    /// <param name="right">Another field.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExportField left, ExportField right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ExportField other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal)
        && (Value is IReadOnlyList<ExportField> nested
            ? other.Value is IReadOnlyList<ExportField> otherNested && nested.SequenceEqual(otherNested)
            : Equals(Value, other.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExportField other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name),
        Value is IReadOnlyList<ExportField> nested ? nested.Count : Value?.GetHashCode() ?? 0);

    /// <summary>Returns the name and the value as text.</summary>
    /// <returns>For example <c>severity=critical</c>.</returns>
    public override string ToString() => Name + "=" + ExportValueText.ToInvariantString(Value);
}

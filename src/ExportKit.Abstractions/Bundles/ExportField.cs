namespace ExportKit;

/// <summary>
/// One named value of an item's data. <see cref="Value"/> is <see langword="null"/>, a <see cref="string"/>,
/// <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="decimal"/>,
/// <see cref="DateTimeOffset"/>, or a nested object given as an <see cref="IReadOnlyList{T}"/> of fields.
/// </summary>
/// <param name="Name">The field's name, as the source declares it (for example <c>auditFindingId</c>).</param>
/// <param name="Value">The value.</param>
public readonly record struct ExportField(string Name, object? Value);

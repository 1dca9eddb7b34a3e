namespace ExportKit;

/// <summary>One difference between the state before and after, at a path such as <c>address.city</c> or <c>tags[2]</c>.</summary>
/// <param name="Path">Where the value is: property names joined by dots, array indexes in brackets.</param>
/// <param name="Kind">Changed, added or removed.</param>
/// <param name="BeforeJson">The value before, as canonical JSON, or <see langword="null"/> when added.</param>
/// <param name="AfterJson">The value after, as canonical JSON, or <see langword="null"/> when removed.</param>
public sealed record AuditChange(string Path, AuditChangeKind Kind, string? BeforeJson, string? AfterJson);

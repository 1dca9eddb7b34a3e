namespace ExportKit.Assembly;

/// <summary>
/// An item on its way through the assembler's pass with the values its section counts: what a
/// <see cref="ProjectedItem"/> carries, as a value, so that the default projection makes no wrapper object per record.
/// </summary>
internal readonly record struct SectionItem(ExportItem Item, string? Severity, string? Status);

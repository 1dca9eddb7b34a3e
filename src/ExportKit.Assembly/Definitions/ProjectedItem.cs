namespace ExportKit.Assembly;

/// <summary>An item made from a record for one section, with the severity and status its summary counts.</summary>
/// <param name="Item">The item.</param>
/// <param name="Severity">The severity counted in the section's summary, or <see langword="null"/>.</param>
/// <param name="Status">The status counted in the section's summary, or <see langword="null"/>.</param>
public sealed record ProjectedItem(ExportItem Item, string? Severity, string? Status);

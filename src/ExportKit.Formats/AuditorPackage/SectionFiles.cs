namespace ExportKit.Formats.AuditorPackage;

/// <summary>Where one section's renderings go, relative to the bag's <c>data/</c> folder.</summary>
internal sealed record SectionFiles(ExportSection Section, string JsonPath, string CsvPath);

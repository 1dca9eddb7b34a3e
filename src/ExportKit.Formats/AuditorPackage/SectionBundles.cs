namespace ExportKit.Formats.AuditorPackage;

/// <summary>A bundle narrowed to one section, for rendering that section as its own JSON or CSV file.</summary>
internal static class SectionBundles
{
    /// <summary>
    /// Keeps the bundle's ids, title, scope, time range and references (those of the whole export, so that a file's
    /// cross-references can be followed to the other sections), with the section alone and the metadata counting it alone.
    /// </summary>
    public static ExportBundle For(ExportBundle bundle, ExportSection section, ExportFormat format) =>
        BundleCopies.With(bundle, format, [section], BundleCopies.With(bundle.Metadata, format, totalSections: 1, section.ItemCount, [section.DataSource], compressed: false));
}

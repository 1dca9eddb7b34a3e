namespace ExportKit.Formats;

/// <summary>The error every streaming formatter raises when a section yields more or fewer items than it declares.</summary>
internal static class SectionCountMismatch
{
    public static InvalidOperationException Error(ExportSection section, string yielded) => new(FormattableString.Invariant(
        $"Section '{section.SectionId}' yielded {yielded} the {section.ItemCount} items it declares: its data source changed between the counting pass and the writing pass. Export again."));
}

namespace ExportKit.Formats.Html;

/// <summary>A piece of the rendered page, followed by the rows of one section (or by nothing, for the last piece).</summary>
/// <param name="Text">The page text up to the rows.</param>
/// <param name="SectionIndex">The index of the section whose rows follow, or -1.</param>
internal readonly record struct HtmlPagePart(ReadOnlyMemory<char> Text, int SectionIndex);

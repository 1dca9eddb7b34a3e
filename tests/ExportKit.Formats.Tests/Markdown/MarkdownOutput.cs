using System.Text;
using ExportKit.Formats.Tests.Html;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ExportKit.Formats.Tests.Markdown;

internal static class MarkdownOutput
{
    /// <summary>GitHub-like parsing: pipe tables, autolinks, strikethrough, task lists and the rest of Markdig's extensions.</summary>
    public static readonly MarkdownPipeline Extended = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static async Task<byte[]> WriteAsync(ExportBundle bundle)
    {
        using var stream = new MemoryStream();
        await ExportFormatters.Markdown().WriteAsync(bundle, stream, CancellationToken.None);
        return stream.ToArray();
    }

    public static async Task<string> WriteTextAsync(ExportBundle bundle) => Encoding.UTF8.GetString(await WriteAsync(bundle));

    public static ExportBundle Build(string caseName) => HtmlOutput.Build(caseName, ExportFormat.Markdown);

    /// <summary>The headings as "level text", in document order.</summary>
    public static IEnumerable<string> Headings(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>().Select(h => $"{h.Level} {TextOf(h.Inline)}");

    /// <summary>The text a reader sees in a container: its literals, with escapes resolved.</summary>
    public static string TextOf(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}

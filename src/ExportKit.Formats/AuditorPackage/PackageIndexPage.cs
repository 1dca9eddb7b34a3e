using System.Text;
using ExportKit.Formats.BagIt;
using ExportKit.Formats.Html;
using ExportKit.Formats.Text;
using Markdig;

namespace ExportKit.Formats.AuditorPackage;

/// <summary>Writes <c>data/index.html</c>: links to every file, then the README rendered with Markdig, in a minimal HTML5 page.</summary>
internal static class PackageIndexPage
{
    // Pipe tables only: no autolinks or other extensions, and raw HTML is written as text, so data cannot add markup.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(ExportBundle bundle, PackageLayout layout, string readme)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>");
        HtmlText.Append(html, LineText.OneLine(bundle.Title));
        html.Append(": auditor package</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>\n");
        html.Append("</head>\n<body>\n<nav>\n<h2>Files</h2>\n<ul>\n");
        foreach (var path in layout.PayloadPaths.Where(p => p != PackageLayout.IndexPath))
        {
            Link(html, path, "data/" + path);
        }

        foreach (var tag in new[] { BagTagFiles.DeclarationName, BagTagFiles.BagInfoName, BagTagFiles.ManifestName, BagTagFiles.TagManifestName })
        {
            Link(html, "../" + tag, tag);
        }

        html.Append("</ul>\n</nav>\n<main>\n");
        html.Append(Markdig.Markdown.ToHtml(readme, Pipeline).ReplaceLineEndings("\n"));
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    // The same encoder as the title and the HTML format's rows (HtmlText), not WebUtility's, which differs beyond ASCII.
    private static void Link(StringBuilder html, string href, string text)
    {
        html.Append("<li><a href=\"");
        HtmlText.Append(html, href);
        html.Append("\">");
        HtmlText.Append(html, text);
        html.Append("</a></li>\n");
    }
}

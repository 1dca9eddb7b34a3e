using System.Text.RegularExpressions;
using ExportKit.Formats.AuditorPackage;
using ExportKit.Formats.BagIt;
using ExportKit.Formats.Tests.Html;
using ExportKit.Formats.Tests.Text;
using Markdig;
using Markdig.Syntax;

namespace ExportKit.Formats.Tests.AuditorPackage;

/// <summary>
/// A description starting with a space became a second <c>&lt;h1&gt;</c> in the package's README.md and index.html, and
/// a title with a line break could add a tag to bag-info.txt.
/// </summary>
public sealed partial class AuditorPackageLineBreakTests
{
    private static readonly MarkdownPipeline[] Pipelines =
    [
        new MarkdownPipelineBuilder().Build(),
        new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build(),
        new MarkdownPipelineBuilder().UseAdvancedExtensions().Build(),
    ];

    public static TheoryData<string> Payloads => [.. HostileData.LineBreakPayloads];

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Readme_md_has_one_h1_and_the_same_blocks_as_with_plain_data(string payload)
    {
        var hostile = ReadText(await WriteAsync(payload), PackageLayout.ReadmePath);
        var benign = ReadText(await WriteAsync("plain words"), PackageLayout.ReadmePath);

        foreach (var pipeline in Pipelines)
        {
            var document = Markdig.Markdown.Parse(hostile, pipeline);
            Assert.Single(document.Descendants<HeadingBlock>(), h => h.Level == 1);
            Assert.Equal(Blocks(benign, pipeline), Blocks(hostile, pipeline));
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Index_html_has_one_h1_and_a_title_without_line_breaks_or_controls(string payload)
    {
        var html = ReadText(await WriteAsync(payload), PackageLayout.IndexPath);

        Assert.Single(HeadingElement().Matches(html));
        var title = Assert.Single(TitleElement().Matches(html)).Groups[1].Value;
        Assert.False(AnyLineBreak.HasBreakOrControl(title), $"<title>{title}</title>");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Bag_info_txt_keeps_one_line_per_tag(string payload)
    {
        var bagInfo = ReadText(await WriteAsync(payload), BagTagFiles.BagInfoName);

        var lines = AnyLineBreak.Lines(bagInfo.TrimEnd('\n'));
        Assert.Equal(["Source-Organization", "Bagging-Date", "External-Identifier", "External-Description", "Payload-Oxum"], lines.Select(l => l.Split(": ")[0]));
        Assert.Contains(lines, l => l.StartsWith("External-Description: ", StringComparison.Ordinal) && l.Contains('x', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Acme\u2028Evil-Field: x")]
    [InlineData("Acme\u0085Evil-Field: x")]
    [InlineData("Acme\u000BEvil-Field: x")]
    public void A_source_organization_with_any_line_break_is_refused(string organization)
    {
        var error = Assert.Throws<ArgumentException>(() => AuditorPackages.Formatter(new AuditorPackageOptions { SourceOrganization = organization }));

        Assert.Contains("SourceOrganization contains a line break", error.Message, StringComparison.Ordinal);
    }

    // The payload everywhere except the section's id and the export id, which name files and are refused when unsafe.
    private static Task<byte[]> WriteAsync(string payload)
    {
        var everywhere = HostileData.Everywhere(payload, ExportFormat.AuditorPackage);
        var s = everywhere.Sections[0];
        var section = new ExportSection("section-1", s.Title, s.Description, s.DataSource, s.Summary, s.ItemCount, s.GeneratedAt, s.Items);
        return AuditorPackages.WriteAsync(AuditorPackages.AsPackage(everywhere.With(it => it.ExportId, "exp_1").With(it => it.Sections, [section])));
    }

    private static string ReadText(byte[] zip, string path)
    {
        var name = AuditorPackages.EntryNames(zip).Single(n => n.EndsWith("/" + path, StringComparison.Ordinal));
        return AuditorPackages.ReadText(zip, name);
    }

    private static List<string> Blocks(string markdown, MarkdownPipeline pipeline) =>
        [.. Markdig.Markdown.Parse(markdown, pipeline).Descendants<Block>().Select(b => b is HeadingBlock h ? $"h{h.Level}" : b.GetType().Name)];

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex("<h1>", RegexOptions.None)]
    private static partial Regex HeadingElement();
}

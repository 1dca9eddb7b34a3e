using System.Text.RegularExpressions;
using ExportKit.Formats.Tests.Text;
using ExportKit.Formats.Text;

namespace ExportKit.Formats.Tests.Html;

/// <summary>U+0085 reached <c>&lt;title&gt;</c>: the page's title, heading and one-line facts hold no line break or control.</summary>
public sealed partial class HtmlTitleLineBreakTests
{
    public static TheoryData<string> Payloads => [.. HostileData.LineBreakPayloads];

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Title_and_heading_hold_no_line_break_or_control_character(string payload)
    {
        var html = await HtmlOutput.WriteTextAsync(HostileData.Everywhere(payload, ExportFormat.Html));

        var title = Assert.Single(TitleElement().Matches(html)).Groups[1].Value;
        Assert.False(AnyLineBreak.HasBreakOrControl(title), $"<title>{title}</title>");
        var heading = Assert.Single(HeadingElement().Matches(html)).Groups[1].Value;
        Assert.False(AnyLineBreak.HasBreakOrControl(heading), $"<h1>{heading}</h1>");
        Assert.Equal(LineText.OneLine(payload), title);
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex("<h1>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex HeadingElement();
}

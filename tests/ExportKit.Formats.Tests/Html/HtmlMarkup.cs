using System.Net;
using System.Text.RegularExpressions;

namespace ExportKit.Formats.Tests.Html;

/// <summary>
/// Checks a page without an HTML parser (AngleSharp is not referenced yet): outside the style sheet every
/// <c>&lt;</c> must open a tag the formatter or the default template writes, with only their attributes, each
/// double-quoted. Data that escaped encoding would show up as another tag, attribute or an unquoted value.
/// </summary>
internal static partial class HtmlMarkup
{
    private static readonly HashSet<string> Elements =
    [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section",
        "h1", "h2", "p", "span", "div", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly HashSet<string> Attributes = ["lang", "charset", "name", "content", "class", "id", "scope"];

    public static void AssertOnlyTemplateMarkup(string html)
    {
        var withoutCss = StyleSheet().Replace(html, "<style></style>");
        var tags = Tag().Matches(withoutCss);
        Assert.Equal(withoutCss.Count(c => c == '<'), tags.Count);
        Assert.DoesNotContain('>', Tag().Replace(withoutCss, string.Empty));
        foreach (Match tag in tags)
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            Assert.True(Elements.Contains(name), $"Unexpected element <{name}> in: {tag.Value}");
            if (name == "!doctype")
            {
                Assert.Equal("<!DOCTYPE html>", tag.Value);
                continue;
            }

            foreach (Match attribute in Attribute().Matches(tag.Groups["attributes"].Value))
            {
                var attributeName = attribute.Groups["name"].Value.ToLowerInvariant();
                Assert.True(Attributes.Contains(attributeName), $"Unexpected attribute '{attributeName}' in: {tag.Value}");
                Assert.DoesNotContain("javascript:", attribute.Groups["value"].Value, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Matches(AttributeList(), tag.Groups["attributes"].Value);
        }
    }

    /// <summary>The page's text as a browser would show it: tags removed, entities decoded.</summary>
    public static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(StyleSheet().Replace(html, string.Empty), " "));

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleSheet();

    [GeneratedRegex("<(?:/)?(?<name>[!a-zA-Z][a-zA-Z0-9]*)(?<attributes>[^<>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("(?<name>[^\\s=\"'/]+)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex Attribute();

    // Every attribute is a bare name or name="value".
    [GeneratedRegex("^(\\s+[a-z-]+(=\"[^\"<>]*\")?)*$")]
    private static partial Regex AttributeList();
}

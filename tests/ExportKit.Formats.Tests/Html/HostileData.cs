using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Html;

/// <summary>Bundles that carry one attack string in every place data can reach: ids, titles, summaries, field names and values.</summary>
internal static class HostileData
{
    /// <summary>Every payload once: the lists share some, and a theory with two equal cases makes xunit skip one with a warning.</summary>
    public static IEnumerable<string> All => HtmlPayloads.Concat(MarkdownPayloads).Concat(LineBreakPayloads).Distinct(StringComparer.Ordinal);

    public static readonly string[] HtmlPayloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"x",
        "' onfocus='x",
        "javascript:alert(1)",
        "</td></tr></tbody></table><a href=\"javascript:alert(1)\">x</a>",
        "<svg/onload=alert(1)>",
        "<!-- comment --><style>body{display:none}</style>",
        "&lt;script&gt; &amp; &#x3C;",
        "{{ bundle.title }} {% raw %}",
        "exportkit-rows-0000-0.",
        "control \u0001\u0007\u001b\u007f\u0085 nul \u0000 lone \ud800 nonchar \uffff crlf\r\nend",
    ];

    public static readonly string[] MarkdownPayloads =
    [
        "[x](http://evil)",
        "![i](http://evil/x.png)",
        "<b>raw</b>",
        "<http://evil>",
        "| a | b |\n|---|---|\n| c | d |",
        "# heading",
        "## heading",
        "*bold* **strong** _em_ __u__ ~~strike~~",
        "`code` ``more``",
        "```\nfenced\n```",
        "1. list",
        "- item",
        "+ item",
        "> quote",
        "---",
        "===",
        "    indented code",
        "http://evil.com and www.evil.com",
        "mail evil@example.com",
        "&lt;b&gt; &amp; &#42;",
        "[ref]: http://evil",
        "[ref]",
        "line one\nline two\r\nline three\rfour",
        "trailing backslash \\",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "\\*escaped\\*",
        "a\n# heading after a newline\n- list after a newline",
    ];

    /// <summary>
    /// Line-break attacks: a leading space or tab (which would indent text into a Markdown block), and every character
    /// some reader takes as the end of a line (CR, LF, VT, FF, NEL, U+2028, U+2029) or acts on (CSI U+009B), each
    /// followed by text that would forge a line of README.txt, bag-info.txt or a Markdown heading.
    /// </summary>
    public static readonly string[] LineBreakPayloads =
    [
        " # Forged heading",
        "   # Forged heading",
        "\t# Forged heading",
        "    indented after spaces",
        "x\u2028Tenant: evil",
        "x\u2029# Forged heading",
        "x\u0085Tenant: evil",
        "x\u009B2J Tenant: evil",
        "x\rTenant: evil",
        "x\nTenant: evil",
        "x\u000BTenant: evil",
        "x\u000CTenant: evil",
        "x\r\n# Forged heading\n\u2028 # Another",
    ];

    /// <summary>A bundle in which every piece of data (except the content-derived bundle id and the category) is <paramref name="payload"/>.</summary>
    // Ids refuse control characters and line separators when made (ExportScope throws), so in the scope the payload
    // keeps everything else: markup, quotes, leading spaces.
    private static string SingleLine(string payload) =>
        new([.. payload.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)]);

    public static ExportBundle Everywhere(string payload, ExportFormat format)
    {
        ExportField[] fields =
        [
            new(payload, payload),
            new("plain", payload),
            new("nested", new ExportField[] { new(payload, payload), new("inner", new ExportField[] { new(payload, payload) }) }),
        ];
        var items = new[]
        {
            new ExportItem(payload, payload, TestRecords.Base, fields, [payload]),
            new ExportItem("second", "test-item", TestRecords.Base.AddHours(1), [new("value", payload)]),
        };
        var section = new ExportSection(
            payload, payload, payload, payload, new SectionSummary(payload, [new(payload, 1)], [new(payload, 1)]), items.Length, TestClock.Now, TestRecords.Stream(items));
        var bundle = TestBundles.Bundle("bnd_000000000000000000000666", payload, payload, new ExportCategory("custom"), new ExportScope(SingleLine(payload), SingleLine(payload), SingleLine(payload)), [payload], section);
        return HtmlOutput.As(bundle, format).With(it => it.ExportId, payload).With(it => it.Metadata, bundle.Metadata.With(it => it.Format, format).With(it => it.GeneratedBy, payload).With(it => it.DataSourcesUsed, [payload]));
    }
}

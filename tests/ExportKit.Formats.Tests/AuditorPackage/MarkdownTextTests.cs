using ExportKit.Formats.AuditorPackage;
using Markdig;

namespace ExportKit.Formats.Tests.AuditorPackage;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("[click](https://evil.example)", "<p>[click](https://evil.example)</p>")]
    [InlineData("![img](x.png)", "<p>![img](x.png)</p>")]
    [InlineData("<b>bold</b> & &amp;", "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &amp;amp;</p>")]
    [InlineData("*a* _b_ `c`", "<p>*a* _b_ `c`</p>")]
    [InlineData("# not a heading", "<p># not a heading</p>")]
    [InlineData("- not a list", "<p>- not a list</p>")]
    [InlineData("12. not a list", "<p>12. not a list</p>")]
    [InlineData("> not a quote", "<p>&gt; not a quote</p>")]
    [InlineData("two\nlines", "<p>two lines</p>")]
    [InlineData("a | b", "<p>a | b</p>")]
    public void Escaped_text_renders_as_the_same_text(string text, string html)
    {
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

        Assert.Equal(html, Markdig.Markdown.ToHtml(MarkdownText.Escape(text), pipeline).TrimEnd('\n'));
    }

    [Fact]
    public void Plain_sentences_keep_their_punctuation_unescaped()
    {
        Assert.Equal("2 items. Severity: critical 1, low 1.", MarkdownText.Escape("2 items. Severity: critical 1, low 1."));
    }
}

using System.Text;
using ExportKit.Formats.Text;

namespace ExportKit.Formats.Markdown;

/// <summary>
/// The one Markdown escaper of ExportKit, used by the Markdown formatter and by the auditor package's README (and so
/// its Markdig-rendered index page). Data escaped here reads as plain text wherever it is put: at the start of a line,
/// in a heading, a table cell, inside emphasis or after a list label, under CommonMark and under Markdig's and GitHub's
/// extensions (autolinks, tables, footnotes, math and the rest).
/// </summary>
internal static class MarkdownText
{
    // Every ASCII punctuation character, which is what CommonMark allows to be backslash-escaped.
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>
    /// Appends the text with every ASCII punctuation character backslash-escaped (so it cannot open a link, an
    /// image, raw HTML, an entity, a heading, emphasis, code, a list, a quote, a table cell or an autolink), breaking
    /// characters as spaces (<see cref="LineText"/>: so it stays on its line), and leading and trailing whitespace
    /// dropped (so it cannot indent itself into a code block or a continuation, nor end in a hard line break).
    /// </summary>
    public static void Append(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        foreach (var c in text.AsSpan(start, end - start))
        {
            if (Punctuation.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(LineText.IsBreaking(c) ? ' ' : c);
            }
        }
    }

    /// <summary>Returns the escaped text (see <see cref="Append"/>).</summary>
    public static string Escape(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>
    /// Formats an id or a path as inline code, on one line (<see cref="LineText"/>). A backtick would end the span, so
    /// it becomes an apostrophe. A pipe would end a table cell even inside code, and Markdig keeps the backslash of an
    /// escaped one, so text with a pipe, like blank text, is written escaped (<see cref="Escape"/>) instead of as code.
    /// </summary>
    public static string Code(string? text) => string.IsNullOrWhiteSpace(text) || text.Contains('|', StringComparison.Ordinal)
        ? Escape(text)
        : "`" + LineText.OneLine(text).Replace('`', '\'') + "`";

    // Whitespace (a space, a tab, U+3000 …) and breaking characters: none may start or end the text.
    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || LineText.IsBreaking(c);
}

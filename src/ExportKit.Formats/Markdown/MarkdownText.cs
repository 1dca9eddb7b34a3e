using System.Text;

namespace ExportKit.Formats.Markdown;

/// <summary>
/// Escapes data for CommonMark so that it reads as plain text wherever the formatter puts it: at the start of a
/// line, in a heading, inside emphasis or after a list label.
/// </summary>
internal static class MarkdownText
{
    // Every ASCII punctuation character, which is what CommonMark allows to be backslash-escaped.
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>
    /// Appends the text with every ASCII punctuation character backslash-escaped (so it cannot open a link, an
    /// image, raw HTML, an entity, a heading, emphasis, code, a list, a table cell or an autolink), control
    /// characters and line breaks as spaces (so it stays on its line), and leading and trailing whitespace dropped
    /// (so it cannot indent itself into a code block or end in a hard line break).
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
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>Returns the escaped text (see <see cref="Append"/>).</summary>
    public static string Escape(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        Append(builder, text);
        return builder.ToString();
    }
}

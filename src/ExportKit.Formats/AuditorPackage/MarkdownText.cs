using System.Text;

namespace ExportKit.Formats.AuditorPackage;

/// <summary>
/// Escapes text for CommonMark so that data cannot make links, images, emphasis, code, tables or raw HTML, nor start
/// a heading, list, quote or rule: the characters with an inline meaning always get a backslash, those that matter only
/// at the start of a line get one there, and line breaks become spaces. The README stays readable as plain text.
/// </summary>
internal static class MarkdownText
{
    private const string Inline = "\\`*_[]<>&|~";
    private const string LineStart = "#+-=>";

    public static string Escape(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(flat.Length + 8);
        var digits = 0;
        while (digits < flat.Length && char.IsAsciiDigit(flat[digits]))
        {
            digits++;
        }

        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            var listMarker = i == digits && digits > 0 && c is '.' or ')';
            if (Inline.Contains(c, StringComparison.Ordinal) || (i == 0 && LineStart.Contains(c, StringComparison.Ordinal)) || listMarker)
            {
                escaped.Append('\\');
            }

            escaped.Append(char.IsControl(c) ? ' ' : c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Formats an id or a path as inline code. A backtick would end the span, so it becomes an apostrophe. A pipe
    /// would end a table cell even inside code, and Markdig keeps the backslash of an escaped one, so text with a pipe
    /// is written escaped instead of as code.
    /// </summary>
    public static string Code(string text) => text.Contains('|', StringComparison.Ordinal)
        ? Escape(text)
        : "`" + text.ReplaceLineEndings(" ").Replace('`', '\'') + "`";
}

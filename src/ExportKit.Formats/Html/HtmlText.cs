using System.Text;

namespace ExportKit.Formats.Html;

/// <summary>Makes data safe to place in HTML text and attribute values.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Returns the text with line breaks as <c>\n</c> and the characters HTML forbids in a document (controls
    /// other than tab and line feed, lone surrogates, noncharacters) replaced by U+FFFD, so the page stays valid
    /// HTML5 and its line endings stay <c>\n</c>. It does not encode: the template or <see cref="Append"/> does.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                builder.Append(IsNonCharacter(scalar) ? "\uFFFD" : text.AsSpan(i, 2));
                i++;
            }
            else
            {
                builder.Append(IsForbidden(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends cleaned text with <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>"</c> and <c>'</c> encoded.</summary>
    public static void Append(StringBuilder builder, string? text)
    {
        var clean = Clean(text);
        var start = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            var entity = clean[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is not null)
            {
                builder.Append(clean, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        builder.Append(clean, start, clean.Length - start);
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (c == '\r' || char.IsSurrogate(c) || IsForbidden(c))
            {
                return true;
            }
        }

        return false;
    }

    // HTML's "control-character-in-input-stream" and "noncharacter-in-input-stream" parse errors.
    private static bool IsForbidden(char c) =>
        (c < ' ' && c is not '\t' and not '\n' and not '\f') || (c >= '\u007F' && c <= '\u009F') || char.IsSurrogate(c) || IsNonCharacter(c);

    private static bool IsNonCharacter(int scalar) => (scalar >= 0xFDD0 && scalar <= 0xFDEF) || (scalar & 0xFFFE) == 0xFFFE;
}

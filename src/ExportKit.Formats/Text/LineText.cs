using System.Buffers;
using System.Text;

namespace ExportKit.Formats.Text;

/// <summary>
/// The one rule by which data stays on its line wherever a format is line-oriented (the ZIP's <c>README.txt</c>,
/// Markdown, an HTML <c>&lt;title&gt;</c> and the page's other one-line values, <c>bag-info.txt</c>): every
/// <em>breaking</em> character becomes one space (U+0020). Breaking characters are the C0 controls U+0000–U+001F (tab,
/// LF, VT, FF and CR among them), DEL U+007F, the C1 controls U+0080–U+009F (NEL U+0085 and CSI U+009B among them),
/// and the Unicode line and paragraph separators U+2028 and U+2029: everything that some reader takes as the end of a
/// line, and the controls that a terminal or parser may act on. A space, not a visible escape such as <c>\u2028</c>,
/// so that the text reads the same and a value cannot imitate an escape of its own.
/// </summary>
internal static class LineText
{
    private static readonly SearchValues<char> Breaking = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u2028\u2029");

    /// <summary>Returns whether <paramref name="c"/> is a breaking character, which <see cref="OneLine"/> replaces.</summary>
    public static bool IsBreaking(char c) => Breaking.Contains(c);

    /// <summary>Returns whether the text holds a breaking character.</summary>
    public static bool HasBreaking(ReadOnlySpan<char> text) => text.IndexOfAny(Breaking) >= 0;

    /// <summary>Returns the text with every breaking character replaced by a space; the same instance when it has none.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = text.AsSpan().IndexOfAny(Breaking);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            for (var i = state.first; i < chars.Length; i++)
            {
                if (Breaking.Contains(chars[i]))
                {
                    chars[i] = ' ';
                }
            }
        });
    }

    /// <summary>Appends the text with every breaking character replaced by a space.</summary>
    public static void AppendOneLine(StringBuilder builder, ReadOnlySpan<char> text)
    {
        int next;
        while ((next = text.IndexOfAny(Breaking)) >= 0)
        {
            builder.Append(text[..next]).Append(' ');
            text = text[(next + 1)..];
        }

        builder.Append(text);
    }
}

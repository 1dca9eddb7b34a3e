namespace ExportKit.Formats.Tests.Text;

/// <summary>Splits text into lines as the most generous reader would: at CR LF, CR, LF, VT, FF, NEL, U+2028 and U+2029.</summary>
internal static class AnyLineBreak
{
    private static readonly string[] Breaks = ["\r\n", "\r", "\n", "\v", "\f", "\u0085", "\u2028", "\u2029"];

    public static string[] Lines(string text) => text.Split(Breaks, StringSplitOptions.None);

    /// <summary>Whether the text holds a line break or a C0 or C1 control.</summary>
    public static bool HasBreakOrControl(string text) =>
        text.Any(c => c < ' ' || (c >= '\u007F' && c <= '\u009F') || c is '\u2028' or '\u2029');
}

namespace ExportKit;

/// <summary>
/// Checks free-form ids (tenant, facility, federation, user, query and run ids, roles, permissions) as whole strings:
/// not blank, and without control characters or Unicode line and paragraph separators, which would let an id such as
/// <c>"x\n"</c> end a line early in a log, a CSV row or a text report.
/// </summary>
internal static class IdText
{
    public static string Check(string? value, string paramName, string blankMessage)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(blankMessage, paramName);
        }

        ThrowIfMultiLine(value, paramName);
        return value;
    }

    public static string? CheckOptional(string? value, string paramName, string blankMessage) =>
        value is null ? null : Check(value, paramName, blankMessage);

    private static void ThrowIfMultiLine(string value, string paramName)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"{paramName} '{value.ReplaceLineEndings(" ")}' holds the control or line-separator character U+{(int)c:X4} at position {i}: ids are single-line text; remove it (a trailing newline often comes from reading a line or a file)."),
                    paramName);
            }
        }
    }
}

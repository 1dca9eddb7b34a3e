using System.Text.RegularExpressions;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Judges a ZIP entry or bag file name against every common OS: names that could land outside the bag (see
/// <see cref="PathRules"/>) and names some OS cannot hold as they are (control characters, characters and device names
/// Windows forbids, trailing dots or spaces, empty or <c>.</c> segments).
/// </summary>
internal static partial class EntryNameRules
{
    /// <summary>Returns why the name is unsafe, or <see langword="null"/> when every common OS extracts it as it is, inside the bag.</summary>
    public static (BagProblemKind Kind, string Reason)? Check(string name)
    {
        if (PathRules.CouldLeaveBag(name))
        {
            return (BagProblemKind.PathOutsideBag, "it could be extracted outside the bag: names must be relative, with '/' separators, no drive letter and no '..' segment");
        }

        var segments = (name.EndsWith('/') ? name[..^1] : name).Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment == ".")
            {
                return (BagProblemKind.UnsafeName, "it has an empty or '.' segment, which extractors collapse into another path");
            }

            if (segment.Any(c => char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*'))
            {
                return (BagProblemKind.UnsafeName, "it holds a control character (such as NUL) or one of < > : \" | ? *, which Windows cannot hold in a file name");
            }

            if (segment.EndsWith('.') || segment.EndsWith(' '))
            {
                return (BagProblemKind.UnsafeName, "a segment ends in a dot or a space, which Windows drops, so the file would be extracted under another name");
            }

            if (ReservedDeviceName().IsMatch(segment))
            {
                return (BagProblemKind.UnsafeName, $"'{segment}' is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9), not a file");
            }
        }

        return null;
    }

    [GeneratedRegex("^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\\..*)?\\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReservedDeviceName();
}

namespace ExportKit.Formats.BagIt;

/// <summary>Paths that could point outside a bag: absolute, a drive letter, a backslash, or a <c>..</c> segment.</summary>
internal static class PathRules
{
    public static bool CouldLeaveBag(string path) =>
        path.Length == 0
        || path[0] == '/'
        || path.Contains('\\', StringComparison.Ordinal)
        || (path.Length >= 2 && path[1] == ':')
        || path.Split('/').Contains("..", StringComparer.Ordinal);
}

using System.Text;

namespace ExportKit.Formats.BagIt;

/// <summary>Writes the text of BagIt 1.0 tag files (RFC 8493): UTF-8 without a byte-order mark, <c>\n</c> line endings.</summary>
internal static class BagTagFiles
{
    public const string DeclarationName = "bagit.txt";
    public const string BagInfoName = "bag-info.txt";
    public const string ManifestName = "manifest-sha256.txt";
    public const string TagManifestName = "tagmanifest-sha256.txt";

    public const string Declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    /// <summary>Writes <c>Label: value</c> lines in the given order; line breaks inside a value become spaces.</summary>
    public static string BagInfo(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var (label, value) in fields)
        {
            text.Append(label).Append(": ").Append(value.ReplaceLineEndings(" ")).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes <c>{checksum}  {path}</c> lines sorted ordinally by path, with CR, LF and % percent-encoded as RFC 8493 asks.</summary>
    public static string Manifest(IEnumerable<(string Path, string Checksum)> files)
    {
        var text = new StringBuilder();
        foreach (var (path, checksum) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            text.Append(checksum).Append("  ").Append(EncodePath(path)).Append('\n');
        }

        return text.ToString();
    }

    public static string EncodePath(string path) =>
        path.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string DecodePath(string path) =>
        path.Replace("%0A", "\n", StringComparison.OrdinalIgnoreCase).Replace("%0D", "\r", StringComparison.OrdinalIgnoreCase).Replace("%25", "%", StringComparison.Ordinal);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

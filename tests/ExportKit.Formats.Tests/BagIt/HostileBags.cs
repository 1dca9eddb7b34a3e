using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Formats.Tests.BagIt;

/// <summary>Small valid bags, as raw ZIP entries or as a folder, for the attack tests to damage.</summary>
internal static class HostileBags
{
    public static readonly Dictionary<string, string> Payload = new(StringComparer.Ordinal)
    {
        ["data/a.txt"] = "alpha\n",
        ["data/b.csv"] = "id,name\n1,one\n",
    };

    /// <summary>The entries of a valid bag at the archive's root, plus <paramref name="extra"/> (not listed in any manifest).</summary>
    public static List<RawZipEntry> ZipEntries(params RawZipEntry[] extra)
    {
        var entries = TagFiles(Payload).Select(t => new RawZipEntry { Name = t.Key, Text = t.Value }).ToList();
        entries.AddRange(Payload.Select(p => new RawZipEntry { Name = p.Key, Text = p.Value }));
        entries.AddRange(extra);
        return entries;
    }

    /// <summary>Writes a valid bag into <paramref name="root"/>.</summary>
    public static void WriteFolder(string root)
    {
        foreach (var (name, text) in TagFiles(Payload).Concat(Payload))
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static Dictionary<string, string> TagFiles(IReadOnlyDictionary<string, string> payload) => new(StringComparer.Ordinal)
    {
        ["bagit.txt"] = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        ["bag-info.txt"] = $"Payload-Oxum: {payload.Values.Sum(v => Encoding.UTF8.GetByteCount(v))}.{payload.Count}\n",
        ["manifest-sha256.txt"] = string.Concat(payload.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Sha256(p.Value)}  {p.Key}\n")),
    };
}

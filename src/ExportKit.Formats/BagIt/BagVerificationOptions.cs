using System.Globalization;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Limits that keep <see cref="BagItVerifier"/> safe on hostile input: past any of them the bag is invalid with a
/// <see cref="BagProblemKind.LimitExceeded"/> problem naming the file and the limit, and reading stops, so memory and
/// time stay bounded. The defaults are generous enough for every package ExportKit writes.
/// </summary>
public sealed class BagVerificationOptions
{
    /// <summary>Gets or sets the longest line, in UTF-8 bytes without its line ending, read from a tag file or manifest.</summary>
    /// <value>The default value is 65,536 (64 KiB). It must be between 1 and 2^30.</value>
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>Gets or sets the largest tag file (any file outside <c>data/</c>: <c>bagit.txt</c>, <c>bag-info.txt</c>, manifests), in bytes.</summary>
    /// <value>The default value is 67,108,864 (64 MiB). It must be at least 1.</value>
    public long MaxTagFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets the largest payload file (under <c>data/</c>), in bytes, as declared and as read.</summary>
    /// <value>The default value is 1,099,511,627,776 (1 TiB). It must be at least 1.</value>
    public long MaxPayloadFileBytes { get; set; } = 1L << 40;

    /// <summary>Throws when a limit is out of range, naming every one that is.</summary>
    internal void Validate()
    {
        var errors = new List<string>();
        if (MaxLineLength is < 1 or > 1 << 30)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxLineLength)} is {MaxLineLength}; set it between 1 and {1 << 30} bytes (default 65536)."));
        }

        if (MaxTagFileBytes < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxTagFileBytes)} is {MaxTagFileBytes}; set it to at least 1 byte (default 64 MiB)."));
        }

        if (MaxPayloadFileBytes < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxPayloadFileBytes)} is {MaxPayloadFileBytes}; set it to at least 1 byte (default 1 TiB)."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentOutOfRangeException("options", "BagVerificationOptions: " + string.Join(" ", errors));
        }
    }

    /// <summary>Gets the size limit for a file of the bag: payload files under <c>data/</c>, tag files elsewhere.</summary>
    internal long MaxBytesFor(string path) => path.StartsWith("data/", StringComparison.Ordinal) ? MaxPayloadFileBytes : MaxTagFileBytes;

    /// <summary>Gets the name of the limit that applies to a file, for problem messages.</summary>
    internal string LimitNameFor(string path) => path.StartsWith("data/", StringComparison.Ordinal) ? nameof(MaxPayloadFileBytes) : nameof(MaxTagFileBytes);
}

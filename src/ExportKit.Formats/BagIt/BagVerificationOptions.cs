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

    /// <summary>Checks the limits and returns every problem found, as the other options classes do.</summary>
    /// <returns>The problems, each naming the option, its value and what is allowed; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxLineLength is < 1 or > 1 << 30)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BagVerificationOptions.MaxLineLength is {MaxLineLength}; it must be from 1 to {1 << 30} bytes (default 65536)."));
        }

        if (MaxTagFileBytes < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BagVerificationOptions.MaxTagFileBytes is {MaxTagFileBytes}; it must be at least 1 byte (default 64 MiB)."));
        }

        if (MaxPayloadFileBytes < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BagVerificationOptions.MaxPayloadFileBytes is {MaxPayloadFileBytes}; it must be at least 1 byte (default 1 TiB)."));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem, listing all of them.</summary>
    internal void ThrowIfInvalid(string paramName)
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(paramName, string.Join(" ", problems));
        }
    }

    /// <summary>Gets the size limit for a file of the bag: payload files under <c>data/</c>, tag files elsewhere.</summary>
    internal long MaxBytesFor(string path) => path.StartsWith("data/", StringComparison.Ordinal) ? MaxPayloadFileBytes : MaxTagFileBytes;

    /// <summary>Gets the name of the limit that applies to a file, for problem messages.</summary>
    internal string LimitNameFor(string path) => path.StartsWith("data/", StringComparison.Ordinal) ? nameof(MaxPayloadFileBytes) : nameof(MaxTagFileBytes);
}

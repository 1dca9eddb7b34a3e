using System.Globalization;

namespace ExportKit.Formats.BagIt;

/// <summary>Reads a manifest (RFC 8493 §2.1.3): one <c>checksum path</c> per line, separated by spaces or tabs.</summary>
internal static class ManifestReader
{
    public static async Task<Manifest> ReadAsync(IBagFiles bag, string fileName, string algorithm, int hexLength, bool isTagManifest, BagVerificationOptions options, List<BagProblem> problems, CancellationToken cancellationToken)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        await foreach (var line in TagFileReader.ReadLinesAsync(bag, fileName, options, problems, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var split = line.IndexOfAny([' ', '\t']);
            var checksum = split < 0 ? line : line[..split];
            var path = split < 0 ? string.Empty : BagTagFiles.DecodePath(line[split..].TrimStart(' ', '\t'));
            string? malformed = null;
            if (path.Length == 0)
            {
                malformed = "is not 'checksum path'";
            }
            else if (checksum.Length != hexLength || !checksum.All(char.IsAsciiHexDigit))
            {
                malformed = FormattableString.Invariant($"has the checksum '{checksum}', which is not {hexLength} hex digits of {algorithm}");
            }

            if (malformed is not null)
            {
                problems.Add(new BagProblem(BagProblemKind.MalformedManifest, fileName, string.Create(CultureInfo.InvariantCulture, $"Line {number} {malformed}: '{line}'.")));
            }
            else if (PathRules.CouldLeaveBag(path))
            {
                problems.Add(new BagProblem(BagProblemKind.PathOutsideBag, path, string.Create(CultureInfo.InvariantCulture,
                    $"Line {number} of {fileName} lists '{path}', which could point outside the bag: paths must be relative, with '/' separators and no '..' segments.")));
            }
            else if (!isTagManifest && !path.StartsWith("data/", StringComparison.Ordinal))
            {
                problems.Add(new BagProblem(BagProblemKind.MalformedManifest, fileName, string.Create(CultureInfo.InvariantCulture,
                    $"Line {number} lists '{path}', which is not under data/: a payload manifest lists only payload files.")));
            }
            else if (!checksums.TryAdd(path, checksum))
            {
                problems.Add(new BagProblem(BagProblemKind.MalformedManifest, fileName, string.Create(CultureInfo.InvariantCulture, $"Line {number} lists '{path}' a second time.")));
            }
        }

        return new Manifest(fileName, algorithm, isTagManifest, checksums);
    }
}

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ExportKit.Formats.BagIt;

/// <summary>Validates one bag (RFC 8493): declaration, manifests, every checksum, unlisted payload, Payload-Oxum.</summary>
internal static partial class BagChecker
{
    public static async Task<List<BagProblem>> CheckAsync(IBagFiles bag, BagVerificationOptions options, CancellationToken cancellationToken)
    {
        var problems = new List<BagProblem>();
        await BagDeclarationCheck.CheckAsync(bag, options, problems, cancellationToken).ConfigureAwait(false);
        if (!bag.HasDataDirectory)
        {
            problems.Add(new BagProblem(BagProblemKind.MissingFile, "data/", "The bag has no data/ directory; every bag keeps its payload there."));
        }

        var manifests = await ReadManifestsAsync(bag, options, problems, cancellationToken).ConfigureAwait(false);
        var payload = bag.Files.Keys.Where(p => p.StartsWith("data/", StringComparison.Ordinal)).ToList();
        foreach (var manifest in manifests)
        {
            problems.AddRange(manifest.Checksums.Keys.Where(p => !bag.Files.ContainsKey(p)).Select(p =>
                new BagProblem(BagProblemKind.MissingFile, p, $"{manifest.FileName} lists {p}, but the bag has no such file.")));
            if (!manifest.IsTagManifest)
            {
                problems.AddRange(payload.Where(p => !manifest.Checksums.ContainsKey(p)).Select(p =>
                    new BagProblem(BagProblemKind.UnlistedFile, p, $"{p} is in the payload but {manifest.FileName} does not list it.")));
            }
        }

        await CompareChecksumsAsync(bag, manifests, problems, cancellationToken).ConfigureAwait(false);
        await PayloadOxumCheck.CheckAsync(bag, options, problems, cancellationToken).ConfigureAwait(false);
        await bag.FinishAsync(cancellationToken).ConfigureAwait(false);
        return [.. bag.Problems, .. problems];
    }

    private static async Task<List<Manifest>> ReadManifestsAsync(IBagFiles bag, BagVerificationOptions options, List<BagProblem> problems, CancellationToken cancellationToken)
    {
        var manifests = new List<Manifest>();
        var unsupportedPayloadManifests = new List<string>();
        var payloadManifests = 0;
        foreach (var name in bag.Files.Keys)
        {
            var match = ManifestName().Match(name);
            if (!match.Success)
            {
                continue;
            }

            var isTag = match.Groups["tag"].Success;
            payloadManifests += isTag ? 0 : 1;
            var algorithm = match.Groups["algorithm"].Value;
            if (!bag.IsReadable(name))
            {
                continue; // refused (too large, damaged): already reported, and its lines would only add noise
            }

            if (ChecksumAlgorithms.TryGet(algorithm, out _, out var hexLength))
            {
                manifests.Add(await ManifestReader.ReadAsync(bag, name, algorithm, hexLength, isTag, options, problems, cancellationToken).ConfigureAwait(false));
            }
            else if (!isTag)
            {
                unsupportedPayloadManifests.Add(name);
            }
        }

        if (payloadManifests == 0)
        {
            problems.Add(new BagProblem(BagProblemKind.MissingFile, "manifest-sha256.txt", "The bag has no payload manifest (manifest-<algorithm>.txt); a bag needs at least one."));
        }
        else if (manifests.TrueForAll(m => m.IsTagManifest))
        {
            problems.AddRange(unsupportedPayloadManifests.Select(name => new BagProblem(BagProblemKind.MalformedManifest, name,
                $"{name} uses an algorithm this verifier cannot check; it checks {string.Join(", ", ChecksumAlgorithms.Supported)}, and the bag has no manifest in any of them.")));
        }

        return manifests;
    }

    private static async Task CompareChecksumsAsync(IBagFiles bag, List<Manifest> manifests, List<BagProblem> problems, CancellationToken cancellationToken)
    {
        // Each file is read once, whatever number of manifests list it.
        var byFile = manifests
            .SelectMany(m => m.Checksums.Where(c => bag.IsReadable(c.Key)).Select(c => (Path: c.Key, Manifest: m, Expected: c.Value)))
            .GroupBy(c => c.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var file in byFile)
        {
            var algorithms = file.Select(c => c.Manifest.Algorithm).Distinct(StringComparer.Ordinal).ToList();
            Dictionary<string, string> actual;
            try
            {
                actual = await HashAsync(bag, file.Key, algorithms, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                problems.Add(new BagProblem(BagProblemKind.UnreadableFile, file.Key, $"{file.Key} could not be read ({error.Message}), so its checksum could not be checked."));
                continue;
            }

            foreach (var (path, manifest, expected) in file)
            {
                if (!string.Equals(expected, actual[manifest.Algorithm], StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new BagProblem(BagProblemKind.ChecksumMismatch, path, string.Create(CultureInfo.InvariantCulture,
                        $"The {manifest.Algorithm} of {path} is {actual[manifest.Algorithm]}, but {manifest.FileName} lists {expected}: the file was changed or damaged.")));
                }
            }
        }
    }

    private static async Task<Dictionary<string, string>> HashAsync(IBagFiles bag, string path, List<string> algorithms, CancellationToken cancellationToken)
    {
        var hashes = algorithms.ToDictionary(a => a, a => IncrementalHash.CreateHash(Algorithm(a)), StringComparer.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var stream = bag.Open(path);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    foreach (var hash in hashes.Values)
                    {
                        hash.AppendData(buffer, 0, read);
                    }
                }
            }

            return hashes.ToDictionary(h => h.Key, h => ChecksumAlgorithms.ToHex(h.Value.GetHashAndReset()), StringComparer.Ordinal);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            foreach (var hash in hashes.Values)
            {
                hash.Dispose();
            }
        }
    }

    private static HashAlgorithmName Algorithm(string name) =>
        ChecksumAlgorithms.TryGet(name, out var algorithm, out _) ? algorithm : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a supported algorithm.");

    [GeneratedRegex("^(?<tag>tag)?manifest-(?<algorithm>[a-z0-9]+)\\.txt\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestName();
}

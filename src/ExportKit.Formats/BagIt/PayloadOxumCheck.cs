using System.Globalization;
using System.Numerics;

namespace ExportKit.Formats.BagIt;

/// <summary>Reads <c>bag-info.txt</c> (RFC 8493 §2.2.2) and checks its <c>Payload-Oxum</c>, when it has one, against the payload.</summary>
internal static class PayloadOxumCheck
{
    public static async Task CheckAsync(IBagFiles bag, BagVerificationOptions options, List<BagProblem> problems, CancellationToken cancellationToken)
    {
        if (!bag.IsReadable(BagTagFiles.BagInfoName))
        {
            return;
        }

        var oxums = new List<string>();
        var number = 0;
        await foreach (var line in TagFileReader.ReadLinesAsync(bag, BagTagFiles.BagInfoName, options, problems, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (line.Length == 0 || line[0] is ' ' or '\t')
            {
                continue; // a continuation of the previous value (blank lines are tolerated, as bagit-python does)
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                problems.Add(new BagProblem(BagProblemKind.MalformedBagInfo, BagTagFiles.BagInfoName, string.Create(CultureInfo.InvariantCulture,
                    $"Line {number} is neither 'Label: value' nor an indented continuation: '{line}'.")));
            }
            else if (line[..colon].Trim() == "Payload-Oxum")
            {
                oxums.Add(line[(colon + 1)..].Trim());
            }
        }

        var payload = bag.Files.Where(f => f.Key.StartsWith("data/", StringComparison.Ordinal)).ToList();
        var actual = string.Create(CultureInfo.InvariantCulture, $"{payload.Aggregate(BigInteger.Zero, (sum, f) => sum + f.Value)}.{payload.Count}");
        foreach (var oxum in oxums)
        {
            var parts = oxum.Split('.');
            var wellFormed = parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
            if (!wellFormed)
            {
                problems.Add(new BagProblem(BagProblemKind.PayloadOxumMismatch, BagTagFiles.BagInfoName, $"Payload-Oxum is '{oxum}'; expected '{{bytes}}.{{files}}', here '{actual}'."));
            }
            else if (oxum != actual)
            {
                problems.Add(new BagProblem(BagProblemKind.PayloadOxumMismatch, BagTagFiles.BagInfoName, $"Payload-Oxum says {oxum} ({{bytes}}.{{files}}) but the payload is {actual}."));
            }
        }
    }
}

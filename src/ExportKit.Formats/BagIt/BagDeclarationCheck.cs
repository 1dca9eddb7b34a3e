namespace ExportKit.Formats.BagIt;

/// <summary>Checks <c>bagit.txt</c> (RFC 8493 §2.1.1): exactly the version line and the encoding line, no byte-order mark.</summary>
internal static class BagDeclarationCheck
{
    private static readonly string[] Versions = ["1.0", "0.97"];

    public static async Task CheckAsync(IBagFiles bag, BagVerificationOptions options, List<BagProblem> problems, CancellationToken cancellationToken)
    {
        if (!bag.IsReadable(BagTagFiles.DeclarationName))
        {
            return; // a link, special file or refused entry: already reported
        }

        var lines = new List<string>();
        await foreach (var line in TagFileReader.ReadLinesAsync(bag, BagTagFiles.DeclarationName, options, problems, cancellationToken).ConfigureAwait(false))
        {
            lines.Add(line);
            if (lines.Count > 2)
            {
                break;
            }
        }

        string? problem = null;
        if (lines.Count > 0 && lines[0].StartsWith('\uFEFF'))
        {
            problem = "bagit.txt starts with a byte-order mark; RFC 8493 forbids one.";
        }
        else if (lines.Count != 2)
        {
            problem = "bagit.txt must have exactly two lines: 'BagIt-Version: 1.0' and 'Tag-File-Character-Encoding: UTF-8'.";
        }
        else if (!lines[0].StartsWith("BagIt-Version: ", StringComparison.Ordinal) || !Versions.Contains(lines[0]["BagIt-Version: ".Length..], StringComparer.Ordinal))
        {
            problem = $"The first line of bagit.txt is '{lines[0]}'; expected 'BagIt-Version: 1.0' (this verifier reads versions 1.0 and 0.97).";
        }
        else if (!lines[1].StartsWith("Tag-File-Character-Encoding: ", StringComparison.Ordinal)
            || !string.Equals(lines[1]["Tag-File-Character-Encoding: ".Length..], "UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The second line of bagit.txt is '{lines[1]}'; expected 'Tag-File-Character-Encoding: UTF-8' (the only encoding this verifier reads).";
        }

        if (problem is not null)
        {
            problems.Add(new BagProblem(BagProblemKind.MalformedBagDeclaration, BagTagFiles.DeclarationName, problem));
        }
    }
}

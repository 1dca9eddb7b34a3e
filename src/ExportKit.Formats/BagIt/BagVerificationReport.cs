namespace ExportKit.Formats.BagIt;

/// <summary>The outcome of verifying a bag: every problem found, not only the first.</summary>
public sealed class BagVerificationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="problems">The problems found, in the order they were found; empty for a valid bag.</param>
    public BagVerificationReport(IReadOnlyList<BagProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
    }

    /// <summary>Gets a value indicating whether the bag is complete and valid: no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Gets every problem found, in the order they were found.</summary>
    public IReadOnlyList<BagProblem> Problems { get; }

    /// <summary>Returns <c>valid</c>, or one line per problem.</summary>
    /// <returns>A readable summary, for logs and test failures.</returns>
    public override string ToString() => IsValid ? "valid" : string.Join("\n", Problems);
}

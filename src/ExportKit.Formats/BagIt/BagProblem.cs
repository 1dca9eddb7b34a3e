namespace ExportKit.Formats.BagIt;

/// <summary>One problem <see cref="BagItVerifier"/> found in a bag.</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Path">The file it concerns, relative to the bag's root with <c>/</c> separators (for example <c>data/audit-findings/findings.json</c>), or, for <see cref="BagProblemKind.NotABag"/>, the directory given (an empty string for a ZIP stream).</param>
/// <param name="Message">What is wrong, in a sentence that says what was expected.</param>
public sealed record BagProblem(BagProblemKind Kind, string Path, string Message)
{
    /// <summary>Returns the kind, path and message on one line.</summary>
    /// <returns>For example <c>ChecksumMismatch data/a.json: …</c>.</returns>
    public override string ToString() => $"{Kind} {Path}: {Message}";
}

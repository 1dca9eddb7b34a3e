namespace ExportKit.Formats.Tests.BagIt;

/// <summary>
/// A theory that runs only when EXPORTKIT_BAGIT_CONFORMANCE_SUITE names a checkout of the Library of Congress's BagIt
/// conformance suite (the folder holding <c>v1.0/</c> and <c>v0.97/</c>). Its bags are not vendored here: the suite is
/// read where it lies.
/// </summary>
public sealed class ConformanceSuiteTheoryAttribute : TheoryAttribute
{
    public const string Variable = "EXPORTKIT_BAGIT_CONFORMANCE_SUITE";

    public ConformanceSuiteTheoryAttribute()
    {
        if (Root is null)
        {
            Skip = $"{Variable} is not set to a checkout of the Library of Congress BagIt conformance suite (a folder with v1.0/ and v0.97/): set it to check the verifier's verdicts against the suite's.";
        }
    }

    public static string? Root =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } root && Directory.Exists(Path.Combine(root, "v1.0")) ? root : null;
}

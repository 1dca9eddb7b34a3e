using ExportKit.Formats.BagIt;

namespace ExportKit.Formats.Tests.BagIt;

/// <summary>
/// The verifier's verdicts against the Library of Congress's BagIt conformance suite. Every bag of <c>v1.0/valid</c>
/// verifies; every bag of <c>v1.0/invalid</c>, <c>v0.97/invalid</c> and <c>v0.97/linux-only</c> (paths out of scope on
/// Linux) is invalid. The suite's older <c>valid</c> bags use MD5, SHA-1 or SHA-224 manifests, which this verifier
/// does not accept as proof (an MD5 manifest can be forged), so they are not asserted valid here.
/// </summary>
public sealed class ConformanceSuiteTests
{
    public static TheoryData<string> ValidBags() => Bags("v1.0/valid");

    public static TheoryData<string> InvalidBags() => Bags("v1.0/invalid", "v0.97/invalid", "v0.97/linux-only");

    [ConformanceSuiteTheory]
    [MemberData(nameof(ValidBags))]
    public async Task A_valid_bag_of_the_suite_verifies(string bag)
    {
        var report = await BagItVerifier.VerifyDirectoryAsync(Path.Combine(ConformanceSuiteTheoryAttribute.Root!, bag));

        Assert.True(report.IsValid, string.Join("; ", report.Problems.Select(p => $"{p.Kind} {p.Path}: {p.Message}")));
    }

    [ConformanceSuiteTheory]
    [MemberData(nameof(InvalidBags))]
    public async Task An_invalid_bag_of_the_suite_is_invalid(string bag)
    {
        var report = await BagItVerifier.VerifyDirectoryAsync(Path.Combine(ConformanceSuiteTheoryAttribute.Root!, bag));

        Assert.False(report.IsValid);
        Assert.NotEmpty(report.Problems);
    }

    private static TheoryData<string> Bags(params string[] folders)
    {
        var data = new TheoryData<string>();
        var root = ConformanceSuiteTheoryAttribute.Root;
        if (root is null)
        {
            data.Add("(suite not available)");
            return data;
        }

        foreach (var folder in folders)
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var bag in Directory.GetDirectories(path).Order(StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetFileName(bag));
            }
        }

        return data;
    }
}

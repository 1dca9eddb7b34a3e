using ExportKit.Assembly;
using ExportKit.Formats.BagIt;
using ExportKit.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExportKit.Tests.DependencyInjection;

/// <summary>Every options class lists every problem once, in one style, for DI at start-up and for the non-DI paths alike.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void A_null_phase_restriction_fails_at_start_up_with_dependency_injection()
    {
        var services = new ServiceCollection();
        services.AddExportKit().ConfigurePolicy(o => o.PhaseRestrictions.Add(null!));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ExportPolicyOptions.PhaseRestrictions[2] is null; it must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_phase_restriction_fails_the_same_way_without_dependency_injection()
    {
        var options = new ExportPolicyOptions();
        options.PhaseRestrictions.Add(null!);

        var error = Assert.Throws<ArgumentException>(() => new ExportPolicyEngine([], options, new NoPhases()));

        Assert.Equal("options", error.ParamName);
        Assert.Equal(options.Validate().Single(), error.Message[..options.Validate().Single().Length]);
    }

    [Fact]
    public async Task Bag_verification_options_list_every_problem_once()
    {
        var options = new BagVerificationOptions { MaxLineLength = 0, MaxTagFileBytes = 0, MaxPayloadFileBytes = 0 };

        var problems = options.Validate();
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BagItVerifier.VerifyZipAsync(new MemoryStream(), options));

        Assert.Equal(
            ["BagVerificationOptions.MaxLineLength is 0; it must be", "BagVerificationOptions.MaxTagFileBytes is 0; it must be", "BagVerificationOptions.MaxPayloadFileBytes is 0; it must be"],
            problems.Select(p => p[..p.IndexOf("be", StringComparison.Ordinal)] + "be"));
        Assert.All(problems, p => Assert.Contains(p, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void Assembler_options_name_the_field_depth_and_its_range(int depth)
    {
        var options = new ExportBundleAssemblerOptions { MaxFieldDepth = depth };

        var problem = Assert.Single(options.Validate());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ExportBundleAssembler([], TimeProvider.System, options));

        Assert.Equal($"ExportBundleAssemblerOptions.MaxFieldDepth is {depth}; it must be from 1 to 256.", problem);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_options_are_valid()
    {
        Assert.Empty(new ExportPolicyOptions().Validate());
        Assert.Empty(new BagVerificationOptions().Validate());
        Assert.Empty(new ExportBundleAssemblerOptions().Validate());
    }

    private sealed class NoPhases : IExportCategoryPhases
    {
        public IReadOnlyList<ExportPhase>? FindPhases(ExportCategory category) => null;
    }
}
